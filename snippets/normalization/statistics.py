"""Layer norm's statistics with weights w (layer norm itself: w = 1/n each):
grad mu = w, d c/dx = I - 1 w^T, grad v = 2 w * c, w^T xhat = 0, w^T (xhat * xhat) = v / (v + eps)."""
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


rng = np.random.default_rng(130)
n, eps = 6, 1e-5
x = rng.standard_normal(n)
ok = True
for name, w in (("equal weights 1/n", np.full(n, 1 / n)), ("general weights", rng.dirichlet(np.ones(n)))):
    mu = lambda x: w @ x
    c = lambda x: x - mu(x)
    v = lambda x: w @ (c(x) * c(x))
    xhat = c(x) / np.sqrt(v(x) + eps)
    ok &= check(f"{name}: grad mu = w", num_grad(mu, x), w)
    ok &= check(f"{name}: dc/dx = I - 1 w^T", num_jacobian(c, x), np.eye(n) - np.outer(np.ones(n), w))
    ok &= check(f"{name}: grad v = 2 w * c", num_grad(v, x), 2 * w * c(x))
    ok &= check(f"{name}: w^T xhat = 0", w @ xhat, 0.0, tol=1e-12)
    ok &= check(f"{name}: w^T (xhat * xhat) = v / (v + eps)", w @ (xhat * xhat), v(x) / (v(x) + eps))

sys.exit(0 if ok else 1)
