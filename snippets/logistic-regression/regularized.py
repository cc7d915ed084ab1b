"""L2-regularized logistic regression: gradient X^T (sigma - y) + lambda w, Hessian
X^T diag(sigma (1 - sigma)) X + lambda I; with an intercept b, dL/db = 1^T (sigma(Xw + b 1) - y)."""
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


rng = np.random.default_rng(94)
N, n, lam, b = 7, 3, 0.8, 0.3
X, w = rng.standard_normal((N, n)), rng.standard_normal(n)
y = rng.integers(0, 2, N).astype(float)
sigma = lambda z: 1 / (1 + np.exp(-z))
L = lambda w, b=0.0: np.sum(np.logaddexp(0, X @ w + b)) - y @ (X @ w + b)
J = lambda w: L(w) + lam / 2 * w @ w
p = sigma(X @ w)

ok = check("grad = X^T (sigma(Xw) - y) + lambda w", num_grad(J, w), X.T @ (p - y) + lam * w)
ok &= check("Hessian = X^T diag(p (1 - p)) X + lambda I", num_hessian(J, w),
            X.T @ np.diag(p * (1 - p)) @ X + lam * np.eye(n), tol=1e-5)
ok &= check("dL/db = 1^T (sigma(Xw + b 1) - y)", num_grad(lambda b: L(w, b), np.array(b)),
            np.sum(sigma(X @ w + b) - y))

sys.exit(0 if ok else 1)
