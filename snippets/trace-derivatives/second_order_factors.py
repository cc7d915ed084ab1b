"""Traces quadratic in a matrix with factors around both occurrences (Matrix Cookbook (114), (116)-(119))."""
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

rng = np.random.default_rng(114)
m, n, p, q = 3, 4, 5, 2
X = rng.standard_normal((m, n))
A, B = rng.standard_normal((n, m)), rng.standard_normal((n, m))
ok = check("d Tr(AXBX)/dX = A^T X^T B^T + B^T X^T A^T", grad(lambda Z: tr(A @ Z @ B @ Z), X),
           A.T @ X.T @ B.T + B.T @ X.T @ A.T)
C, B = rng.standard_normal((m, m)), rng.standard_normal((n, p))
ok &= check("d Tr(B^T X^T C X B)/dX = C^T X B B^T + C X B B^T", grad(lambda Z: tr(B.T @ Z.T @ C @ Z @ B), X),
            C.T @ X @ B @ B.T + C @ X @ B @ B.T)
B, C = rng.standard_normal((m, m)), rng.standard_normal((n, n))
ok &= check("d Tr(X^T B X C)/dX = B X C + B^T X C^T", grad(lambda Z: tr(Z.T @ B @ Z @ C), X),
            B @ X @ C + B.T @ X @ C.T)
A, B, C = rng.standard_normal((p, m)), rng.standard_normal((n, n)), rng.standard_normal((m, p))
ok &= check("d Tr(A X B X^T C)/dX = A^T C^T X B^T + C A X B", grad(lambda Z: tr(A @ Z @ B @ Z.T @ C), X),
            A.T @ C.T @ X @ B.T + C @ A @ X @ B)
A, B, C = rng.standard_normal((p, m)), rng.standard_normal((n, q)), rng.standard_normal((p, q))
R = A @ X @ B + C
ok &= check("d Tr((AXB + C)(AXB + C)^T)/dX = 2 A^T (AXB + C) B^T",
            grad(lambda Z: tr((A @ Z @ B + C) @ (A @ Z @ B + C).T), X), 2 * A.T @ R @ B.T)

sys.exit(0 if ok else 1)
