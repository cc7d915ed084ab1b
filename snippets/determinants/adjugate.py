"""The adjugate: the gradient of the determinant, the cofactor expansion against another row, and
Jacobi's formula in adjugate form (Matrix Cookbook (41), (47), (50))."""
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

def adj(M):
    """The adjugate from cofactors (no inverse): adj(M)_ji = (-1)^(i+j) det(M without row i, column j)."""
    n = M.shape[0]
    C = np.zeros_like(M)
    for i in range(n):
        for j in range(n):
            minor = np.delete(np.delete(M, i, axis=0), j, axis=1)
            C[i, j] = (-1) ** (i + j) * det(minor)
    return C.T


rng = np.random.default_rng(41)
n = 4
X = rng.standard_normal((n, n))
ok = check("adj(X) = det(X) X^{-1}", adj(X), det(X) * inv(X))
G = grad(det, X)
ok &= check("d det(X)/dX = adj(X)^T", G, adj(X).T)
ok &= check("sum_k d det/dX_ik X_jk = delta_ij det(X)", G @ X.T, det(X) * np.eye(n))
S = rng.standard_normal((n, n))
S[:, 0] = S[:, 1]                       # singular: no inverse, the adjugate still works
ok &= check("d det(X)/dX = adj(X)^T  (singular X)", grad(det, S), adj(S).T)
A0, A1 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
Gt = lambda t: A0 + t * A1 + t ** 2 * np.eye(n)
t, h = 0.3, 1e-6
dG = (Gt(t + h) - Gt(t - h)) / (2 * h)
ok &= check("d det(G)/dt = Tr(adj(G) dG/dt)", (det(Gt(t + h)) - det(Gt(t - h))) / (2 * h), tr(adj(Gt(t)) @ dG))

sys.exit(0 if ok else 1)
