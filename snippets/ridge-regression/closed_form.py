"""The ridge minimizer (X^T X + lambda I)^{-1} X^T y makes the gradient zero and equals the dual
(kernel) form X^T (X X^T + lambda I)^{-1} y; with a kernel matrix K in place of X X^T, the
predictions are K_test (K + lambda I)^{-1} y."""
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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(111)
N, n, lam = 7, 3, 0.5
X, y = rng.standard_normal((N, n)), rng.standard_normal(N)
w_hat = np.linalg.solve(X.T @ X + lam * np.eye(n), X.T @ y)   # an n x n solve
w_dual = X.T @ np.linalg.solve(X @ X.T + lam * np.eye(N), y)  # an N x N solve

ok = check("X^T (X w - y) + lambda w = 0 at w_hat", X.T @ (X @ w_hat - y) + lam * w_hat, np.zeros(n), tol=1e-12)
ok &= check("w_hat = X^T (X X^T + lambda I)^{-1} y", w_hat, w_dual)
X_test = rng.standard_normal((2, n))
K, K_test = X @ X.T, X_test @ X.T  # the linear kernel
ok &= check("kernel form predictions = X_test w_hat", K_test @ np.linalg.solve(K + lam * np.eye(N), y), X_test @ w_hat)

sys.exit(0 if ok else 1)
