"""Traces with an inverse inside (Matrix Cookbook (64), (125)-(127)); (127) needs A symmetric too."""
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


def grad(f, X, h=1e-6):
    """Central finite differences of a scalar function, in the shape of X (denominator layout)."""
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = h
        G[idx] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def jac(f, x, h=1e-6):
    """Central finite differences of a vector function of a vector: m x n (the site's layout)."""
    cols = []
    for i in range(x.shape[0]):
        e = np.zeros_like(x)
        e[i] = h
        cols.append(((f(x + e) - f(x - e)) / (2 * h)).reshape(-1))
    return np.array(cols).T


inv, det, tr, T = np.linalg.inv, np.linalg.det, np.trace, np.transpose

rng = np.random.default_rng(125)
n = 4
X, A = rng.standard_normal((n, n)) + 3 * np.eye(n), rng.standard_normal((n, n))
S = inv(X + A)
ok = check("d Tr((X + A)^{-1})/dX = -((X + A)^{-1} (X + A)^{-1})^T", grad(lambda Z: tr(inv(Z + A)), X),
           -(S @ S).T)
m, k = 6, 3
X = rng.standard_normal((m, k))                      # tall
M1, M2 = rng.standard_normal((m, m)), rng.standard_normal((m, m))
C, B = M1 + M1.T + 2 * m * np.eye(m), M2 + M2.T      # symmetric
A = rng.standard_normal((k, k))
G = inv(X.T @ C @ X)
ok &= check("d Tr((X^T C X)^{-1} A)/dX", grad(lambda Z: tr(inv(Z.T @ C @ Z) @ A), X),
            -C @ X @ G @ (A + A.T) @ G)
ok &= check("d Tr((X^T C X)^{-1} X^T B X)/dX", grad(lambda Z: tr(inv(Z.T @ C @ Z) @ Z.T @ B @ Z), X),
            -2 * C @ X @ G @ X.T @ B @ X @ G + 2 * B @ X @ G)
As = A @ A.T + np.eye(k)                             # symmetric positive definite
H = inv(As + X.T @ C @ X)
f = lambda Z, A0: tr(inv(A0 + Z.T @ C @ Z) @ Z.T @ B @ Z)
ok &= check("d Tr((A + X^T C X)^{-1} X^T B X)/dX, A symmetric", grad(lambda Z: f(Z, As), X),
            -2 * C @ X @ H @ X.T @ B @ X @ H + 2 * B @ X @ H)
Hn = inv(A + X.T @ C @ X)
ok &= check("the same with A not symmetric (Cookbook (127) as printed)", grad(lambda Z: f(Z, A), X),
            -2 * C @ X @ Hn @ X.T @ B @ X @ Hn + 2 * B @ X @ Hn, expect=False)

sys.exit(0 if ok else 1)
