"""Normal equations: dL/dw = 0 gives X^T X w = X^T y, so w = (X^T X)^{-1} X^T y.

This needs X of full column rank (X^T X invertible).

In code, solve the linear system (or use lstsq) rather than forming the inverse: same answer here,
better accuracy when X^T X is ill-conditioned.
"""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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


rng = np.random.default_rng(0)
m, n = 6, 3  # m examples, n features
X = rng.standard_normal((m, n))
y = rng.standard_normal((m, 1))
L = lambda w: ((y - X @ w).T @ (y - X @ w)).item()

w_star = np.linalg.solve(X.T @ X, X.T @ y)
ok = check("w = (X^T X)^{-1} X^T y", np.linalg.inv(X.T @ X) @ X.T @ y, w_star)
ok &= check("w agrees with np.linalg.lstsq", np.linalg.lstsq(X, y, rcond=None)[0], w_star)
ok &= check("X^T X w = X^T y", X.T @ X @ w_star, X.T @ y)
# Equivalently the residual is orthogonal to every column of X (compared on the scale of X^T y).
ok &= check("X^T (y - X w) = 0", X.T @ (y - X @ w_star) / np.abs(X.T @ y).max(), np.zeros((n, 1)))
# At the minimum the gradient vanishes (compared on the scale of a typical gradient entry).
ok &= check("dL/dw at w = 0", num_grad(L, w_star) / np.abs(X.T @ y).max(), np.zeros((n, 1)))

# It is a minimum: L(w + v) - L(w) = ||Xv||^2 >= 0 for every step v.
v = rng.standard_normal((n, 1))
ok &= check("L(w + v) - L(w) = ||Xv||^2", L(w_star + v) - L(w_star), np.linalg.norm(X @ v) ** 2)

sys.exit(0 if ok else 1)
