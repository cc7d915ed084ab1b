"""Ridge: R(w) = ||y - Xw||^2 + lambda ||w||^2, gradient 2 X^T (Xw - y) + 2 lambda w, Hessian
2 (X^T X + lambda I), positive definite even with more features than examples."""
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


rng = np.random.default_rng(110)
N, n, lam = 4, 6, 0.3  # more features than examples: X^T X is singular, the Hessian is not
X, y, w = rng.standard_normal((N, n)), rng.standard_normal(N), rng.standard_normal(n)
R = lambda w: np.sum((y - X @ w) ** 2) + lam * w @ w
H = 2 * (X.T @ X + lam * np.eye(n))

ok = check("grad R = 2 X^T (Xw - y) + 2 lambda w", num_grad(R, w), 2 * X.T @ (X @ w - y) + 2 * lam * w)
ok &= check("Hessian R = 2 (X^T X + lambda I)", num_hessian(R, w, h=1e-3), H, tol=1e-5)
ok &= check("smallest Hessian eigenvalue = 2 lambda (N < n)", np.linalg.eigvalsh(H).min(), 2 * lam)

sys.exit(0 if ok else 1)
