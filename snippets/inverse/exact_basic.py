"""Inverses and transposes of products (Matrix Cookbook (1)-(6), (145), (151), (155))."""
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

rng = np.random.default_rng(145)
n = 4
A, B, C = (rng.standard_normal((n, n)) + 2 * np.eye(n) for _ in range(3))
ok = check("A A^{-1} = I", A @ inv(A), np.eye(n))
ok &= check("A^{-1} A = I", inv(A) @ A, np.eye(n))
ok &= check("(AB)^{-1} = B^{-1} A^{-1}", inv(A @ B), inv(B) @ inv(A))
ok &= check("(AB)^{-1} = A^{-1} B^{-1}  (order kept)", inv(A @ B), inv(A) @ inv(B), expect=False)
ok &= check("(A^T)^{-1} = (A^{-1})^T", inv(A.T), inv(A).T)
ok &= check("(A + C)^T = A^T + C^T", (A + C).T, A.T + C.T)
ok &= check("(AC)^T = C^T A^T", (A @ C).T, C.T @ A.T)
D = rng.standard_normal((n, n)) + 2 * np.eye(n)
ok &= check("(ABD)^{-1} = D^{-1} B^{-1} A^{-1}", inv(A @ B @ D), inv(D) @ inv(B) @ inv(A))
ok &= check("(ABD)^T = D^T B^T A^T", (A @ B @ D).T, D.T @ B.T @ A.T)
adj = np.array([[(-1) ** (i + j) * det(np.delete(np.delete(A, j, 0), i, 1)) for j in range(n)] for i in range(n)])
ok &= check("A^{-1} = adj(A) / det(A)  (adjugate from cofactors)", inv(A), adj / det(A))

sys.exit(0 if ok else 1)
