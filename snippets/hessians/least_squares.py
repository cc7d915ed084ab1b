"""Hessians of least squares and ridge: 2 X^T X and 2 (X^T X + lambda I), the same at every w.
Also: gradient descent on least squares diverges once the step exceeds 2 / (largest eigenvalue)."""
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


rng = np.random.default_rng(100)
N, n, lam = 9, 3, 0.5
X, y = rng.standard_normal((N, n)), rng.standard_normal(N)
ls = lambda w: np.sum((y - X @ w) ** 2)
ridge = lambda w: ls(w) + lam * w @ w

ok = True
for w in (rng.standard_normal(n), 10 * rng.standard_normal(n)):
    ok &= check(f"Hessian of ||y - Xw||^2 = 2 X^T X  (|w| = {np.linalg.norm(w):.0f})",
               num_hessian(ls, w, h=1e-3), 2 * X.T @ X, tol=1e-5)
ok &= check("Hessian of ridge = 2 (X^T X + lambda I)", num_hessian(ridge, w, h=1e-3),
            2 * (X.T @ X + lam * np.eye(n)), tol=1e-5)


def descend(step, iters=200):
    w = np.zeros(n)
    for _ in range(iters):
        w = w - step * (-2 * X.T @ (y - X @ w))
    return ls(w)


top = np.linalg.eigvalsh(2 * X.T @ X).max()
best = ls(np.linalg.lstsq(X, y, rcond=None)[0])
ok &= check("step 1.9 / top eigenvalue: converges", descend(1.9 / top), best, tol=1e-4)
ok &= check("step 2.1 / top eigenvalue: diverges", descend(2.1 / top), best, expect=False)

sys.exit(0 if ok else 1)
