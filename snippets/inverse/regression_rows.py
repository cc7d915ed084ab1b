"""Adding or removing a row of a regression: Sherman-Morrison on X^T X, recursive least squares, leave-one-out."""
import sys

import numpy as np


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
    print(f"{label:<60} {verdict}   {detail}")
    return same == expect


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

rng = np.random.default_rng(31)
m, n = 8, 3
X, y = rng.standard_normal((m, n)), rng.standard_normal(m)
x, eta = rng.standard_normal(n), 0.7
G = inv(X.T @ X)
ok = check("(X^T X + x x^T)^{-1} = G - G x x^T G / (1 + x^T G x)",
           inv(X.T @ X + np.outer(x, x)), G - np.outer(G @ x, x @ G) / (1 + x @ G @ x))
N = X.T @ X + np.outer(x, x)
Ni = inv(N)
ok &= check("(N - x x^T)^{-1} = N^{-1} + N^{-1} x x^T N^{-1} / (1 - x^T N^{-1} x)",
            inv(N - np.outer(x, x)), Ni + np.outer(Ni @ x, x @ Ni) / (1 - x @ Ni @ x))
w_hat = G @ X.T @ y
# the fit with the row appended, computed from scratch
Xa, ya = np.vstack([X, x]), np.append(y, eta)
w_new = np.linalg.lstsq(Xa, ya, rcond=None)[0]
ok &= check("recursive least squares update", w_new, w_hat + G @ x * (eta - x @ w_hat) / (1 + x @ G @ x))
w1 = Ni @ (X.T @ y + eta * x)
ok &= check("leave-one-out residual = residual / (1 - leverage)", eta - x @ w_hat, (eta - x @ w1) / (1 - x @ Ni @ x))
ok &= check("... not the ordinary residual", eta - x @ w_hat, eta - x @ w1, expect=False)

sys.exit(0 if ok else 1)
