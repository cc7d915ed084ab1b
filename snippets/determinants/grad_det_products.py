"""Gradients of determinants of products and powers (Matrix Cookbook (51)-(55), (58), (62)),
against central finite differences."""
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

rng = np.random.default_rng(51)
n, m, k = 4, 6, 3
A, B, X = (rng.standard_normal((n, n)) + 2 * np.eye(n) for _ in range(3))
Xit = inv(X).T
ok = check("d det(AXB)/dX = det(AXB) X^{-T}", grad(lambda Z: det(A @ Z @ B), X), det(A @ X @ B) * Xit)
ok &= check("d det(X^T A X)/dX = 2 det(X^T A X) X^{-T}", grad(lambda Z: det(Z.T @ A @ Z), X),
            2 * det(X.T @ A @ X) * Xit)
for k in (1, 2, 3, 4):
    Xk = np.linalg.matrix_power(X, k)
    ok &= check(f"d det(X^k)/dX = k det(X^k) X^(-T), k = {k}",
                grad(lambda Z: det(np.linalg.matrix_power(Z, k)), X), k * det(Xk) * Xit)
ok &= check("d det(X^{-1})/dX = -det(X^{-1}) X^{-T}", grad(lambda Z: det(inv(Z)), X), -det(inv(X)) * Xit)
Y = rng.standard_normal((m, k))          # tall: m > k
M = rng.standard_normal((m, m))
S = M + M.T + 2 * m * np.eye(m)          # symmetric
G = Y.T @ S @ Y
ok &= check("tall X, A symmetric: 2 det(X^T A X) A X (X^T A X)^{-1}", grad(lambda Z: det(Z.T @ S @ Z), Y),
            2 * det(G) * S @ Y @ inv(G))
Gm = Y.T @ M @ Y
ok &= check("tall X, any A: det(..)(A X (X^T A X)^{-1} + A^T X (X^T A^T X)^{-1})",
            grad(lambda Z: det(Z.T @ M @ Z), Y), det(Gm) * (M @ Y @ inv(Gm) + M.T @ Y @ inv(Y.T @ M.T @ Y)))
ok &= check("d log det(X^T X)/dX = 2 X (X^T X)^{-1} = 2 (X^+)^T",
            grad(lambda Z: np.log(det(Z.T @ Z)), Y), 2 * np.linalg.pinv(Y).T)

sys.exit(0 if ok else 1)
