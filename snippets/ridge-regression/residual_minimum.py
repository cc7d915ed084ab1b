"""Ridge residual y - X w_hat = lambda (X X^T + lambda I)^{-1} y, and minimum
||y - X w_hat||^2 + lambda ||w_hat||^2 = y^T (y - X w_hat) = lambda y^T (X X^T + lambda I)^{-1} y."""
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


rng = np.random.default_rng(112)
N, n, lam = 6, 4, 0.8
X, y = rng.standard_normal((N, n)), rng.standard_normal(N)
w = np.linalg.solve(X.T @ X + lam * np.eye(n), X.T @ y)
Kinv_y = np.linalg.solve(X @ X.T + lam * np.eye(N), y)

ok = check("y - X w_hat = lambda (X X^T + lambda I)^{-1} y", y - X @ w, lam * Kinv_y)
minimum = np.sum((y - X @ w) ** 2) + lam * w @ w
ok &= check("R(w_hat) = y^T (y - X w_hat)", minimum, y @ (y - X @ w))
ok &= check("R(w_hat) = lambda y^T (X X^T + lambda I)^{-1} y", minimum, lam * y @ Kinv_y)

sys.exit(0 if ok else 1)
