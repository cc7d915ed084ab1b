"""Logistic regression Hessian: X^T diag(sigma (1 - sigma)) X, positive semidefinite."""
import sys

import numpy as np


def num_hessian(f, x, h=1e-4):
    """Second derivatives by the four-point central formula: H[i, j] = d^2 f / dx_i dx_j."""
    x = np.asarray(x, dtype=float).reshape(-1)
    n = x.size
    H = np.zeros((n, n))
    E = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                       - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h * h)
    return H


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


rng = np.random.default_rng(92)
N, n = 10, 4
X, w = rng.standard_normal((N, n)), rng.standard_normal(n) * 0.5
y = rng.integers(0, 2, N).astype(float)
sigma = lambda z: 1 / (1 + np.exp(-z))
L = lambda w: np.sum(np.logaddexp(0, X @ w)) - y @ (X @ w)
p = sigma(X @ w)
H = X.T @ np.diag(p * (1 - p)) @ X

ok = check("Hessian = X^T diag(p (1 - p)) X", num_hessian(L, w), H, tol=1e-5)
ok &= check("Hessian = X^T X  (the least-squares one)", num_hessian(L, w), X.T @ X, expect=False)
ok &= check("smallest eigenvalue >= 0", max(0.0, -np.linalg.eigvalsh(H).min()), 0.0, tol=1e-12)

sys.exit(0 if ok else 1)
