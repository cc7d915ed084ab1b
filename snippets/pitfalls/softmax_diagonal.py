"""The softmax Jacobian is diag(s) - s s^T, not its diagonal diag(s (1 - s)); its backward pass is
s * (g - (s^T g) 1), not s (1 - s) g."""
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


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


rng = np.random.default_rng(160)
n = 4
z, g = rng.standard_normal(n), rng.standard_normal(n)
s = softmax(z)
J = num_jacobian(softmax, z)

ok = check("ds/dz = diag(s) - s s^T", J, np.diag(s) - np.outer(s, s))
ok &= check("ds/dz = diag(s (1 - s))  (wrong)", J, np.diag(s * (1 - s)), expect=False)
vjp = num_grad(lambda z: g @ softmax(z), z)
ok &= check("d(g^T s)/dz = s * (g - (s^T g) 1)", vjp, s * (g - s @ g))
ok &= check("d(g^T s)/dz = s (1 - s) g  (wrong)", vjp, s * (1 - s) * g, expect=False)

sys.exit(0 if ok else 1)
