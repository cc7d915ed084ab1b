"""Tikhonov: gradient of ||y - Xw||^2 + ||Gamma w||^2 is 2 X^T (Xw - y) + 2 Gamma^T Gamma w, and
(X^T X + Gamma^T Gamma)^{-1} X^T y makes it zero. Gamma = first differences: a smoothness penalty."""
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


rng = np.random.default_rng(114)
N, n = 5, 8  # fewer examples than weights: the penalty makes the problem well posed
X, y, w = rng.standard_normal((N, n)), rng.standard_normal(N), rng.standard_normal(n)
Gamma = np.vstack([np.eye(n)[:-1] - np.eye(n)[1:], 0.1 * np.eye(n)])  # differences, plus a little ridge
J = lambda w: np.sum((y - X @ w) ** 2) + np.sum((Gamma @ w) ** 2)

ok = check("grad = 2 X^T (Xw - y) + 2 Gamma^T Gamma w", num_grad(J, w),
           2 * X.T @ (X @ w - y) + 2 * Gamma.T @ Gamma @ w)
w_t = np.linalg.solve(X.T @ X + Gamma.T @ Gamma, X.T @ y)
ok &= check("gradient 0 at (X^T X + Gamma^T Gamma)^{-1} X^T y", X.T @ (X @ w_t - y) + Gamma.T @ Gamma @ w_t,
            np.zeros(n), tol=1e-12)

sys.exit(0 if ok else 1)
