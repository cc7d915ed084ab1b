"""The ridge path: d w_hat/d lambda = -(X^T X + lambda I)^{-1} w_hat; effective degrees of freedom
df = Tr(X (X^T X + lambda I)^{-1} X^T) = sum of d_i^2 / (d_i^2 + lambda) over the singular values d_i,
n at lambda = 0, with derivative -Tr(X (X^T X + lambda I)^{-2} X^T)."""
import sys

import numpy as np


def num_deriv(F, t, h=1e-6):
    """Central difference in a scalar t (entry by entry for a matrix-valued F)."""
    return (np.asarray(F(t + h)) - np.asarray(F(t - h))) / (2 * h)


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


rng = np.random.default_rng(113)
N, n, lam = 8, 3, 0.6
X, y = rng.standard_normal((N, n)), rng.standard_normal(N)
A = lambda lam: X.T @ X + lam * np.eye(n)
w_hat = lambda lam: np.linalg.solve(A(lam), X.T @ y)
df = lambda lam: np.trace(X @ np.linalg.solve(A(lam), X.T))

ok = check("d w_hat/d lambda = -(X^T X + lambda I)^{-1} w_hat", num_deriv(w_hat, lam),
           -np.linalg.solve(A(lam), w_hat(lam)))
d = np.linalg.svd(X, compute_uv=False)
ok &= check("df = sum d_i^2 / (d_i^2 + lambda)", df(lam), np.sum(d ** 2 / (d ** 2 + lam)))
ok &= check("df(0) = n", df(0.0), n)
Ai = np.linalg.inv(A(lam))
ok &= check("d df/d lambda = -Tr(X A^{-1} A^{-1} X^T)", num_deriv(df, lam), -np.trace(X @ Ai @ Ai @ X.T))

sys.exit(0 if ok else 1)
