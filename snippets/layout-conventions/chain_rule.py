"""Chain rule for L(y(x)): numerator layout dL/dx = dL/dy dy/dx (1 x m times m x n), denominator layout
dL/dx = dy/dx dL/dy (n x m times m x 1)."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(y(x + h * e)) - np.ravel(y(x - h * e))) / (2 * h))
    return np.column_stack(cols)


def check(label, got, want, expect=True, tol=1e-6):
    """Print one line; return True when "got equals want" is as expected."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if got.shape != want.shape:
        same, detail = False, f"shape {got.shape} vs {want.shape}"
    else:
        err = np.abs(got - want).max() / (np.abs(want).max() or 1.0)
        same, detail = bool(err < tol), f"max rel err {err:.1e}"
    verdict = "ok" if same == expect else "FAIL"
    if not expect:
        verdict += " (differs, as it should)" if not same else " (should differ)"
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(154)
m, n = 3, 4
A = rng.standard_normal((m, n))
y = lambda x: np.tanh(A @ x)
L = lambda y: np.sum(y ** 3)
x = rng.standard_normal(n)

J = num_jacobian(y, x)                       # m x n: numerator layout
g = num_grad(L, y(x))                        # dL/dy as a flat array
total = num_grad(lambda x: L(y(x)), x)
ok = check("numerator: dL/dx = dL/dy dy/dx", total.reshape(1, n), g.reshape(1, m) @ J)
ok &= check("denominator: dL/dx = dy/dx dL/dy", total.reshape(n, 1), J.T @ g.reshape(m, 1))

sys.exit(0 if ok else 1)
