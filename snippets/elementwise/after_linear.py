"""An activation after a linear map: d f(Wx + b)/dx = diag(f'(Wx + b)) W and
d (c^T f(Wx + b))/dW = (c * f'(Wx + b)) x^T. Checked with f = tanh."""
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


rng = np.random.default_rng(74)
n, k = 3, 5
x, W, b, c = rng.standard_normal(n), rng.standard_normal((k, n)), rng.standard_normal(k), rng.standard_normal(k)
fp = lambda t: 1 - np.tanh(t) ** 2
z = W @ x + b

J = num_jacobian(lambda x: np.tanh(W @ x + b), x)
ok = check("d f(Wx + b)/dx = diag(f'(Wx + b)) W", J, np.diag(fp(z)) @ W)
ok &= check("d f(Wx + b)/dx = W  (forgetting f')", J, W, expect=False)
ok &= check("d (c^T f(Wx + b))/dW = (c * f'(Wx + b)) x^T",
            num_grad(lambda W: c @ np.tanh(W @ x + b), W), np.outer(c * fp(z), x))

sys.exit(0 if ok else 1)
