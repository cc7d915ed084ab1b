"""The Newton step of logistic regression is a weighted least-squares solve (IRLS):
w - (X^T R X)^{-1} X^T (p - y) = (X^T R X)^{-1} X^T R (X w - R^{-1} (p - y)), R = diag(p (1 - p)).
A few Newton steps reach the minimizer (gradient 0)."""
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


rng = np.random.default_rng(93)
N, n = 40, 3
X = rng.standard_normal((N, n))
w_true = np.array([1.0, -2.0, 0.5])
sigma = lambda z: 1 / (1 + np.exp(-z))
y = (rng.uniform(size=N) < sigma(X @ w_true)).astype(float)

w = np.zeros(n)
p = sigma(X @ w)
R = np.diag(p * (1 - p))
newton = w - np.linalg.solve(X.T @ R @ X, X.T @ (p - y))
wls = np.linalg.solve(X.T @ R @ X, X.T @ R @ (X @ w - np.linalg.solve(R, p - y)))
ok = check("Newton step = weighted least squares", newton, wls)

for _ in range(20):
    p = sigma(X @ w)
    w = w - np.linalg.solve(X.T @ np.diag(p * (1 - p)) @ X, X.T @ (p - y))
grad = X.T @ (sigma(X @ w) - y)
ok &= check("after 20 Newton steps the gradient is 0", grad / np.abs(X.T @ y).max(), np.zeros(n), tol=1e-10)

sys.exit(0 if ok else 1)
