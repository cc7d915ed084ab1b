"""Determinant and log-determinant over the free entries of a symmetric matrix
(Matrix Cookbook (140), (141))."""
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

def grad_sym(f, X, h=1e-6):
    """d f / d x_ij for a symmetric variable: entries (i, j) and (j, i) move together."""
    G = np.zeros_like(X)
    for i, j in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i, j] = E[j, i] = h
        G[i, j] = (f(X + E) - f(X - E)) / (2 * h)
    return G


rng = np.random.default_rng(140)
n = 4
M = rng.standard_normal((n, n))
S = M @ M.T + np.eye(n)
Si, I = inv(S), np.eye(n)
ok = check("d det(S)/dS = det(S) (2 S^{-1} - S^{-1} o I)", grad_sym(det, S), det(S) * (2 * Si - Si * I))
ok &= check("d log det(S)/dS = 2 S^{-1} - S^{-1} o I", grad_sym(lambda Z: np.log(det(Z)), S), 2 * Si - Si * I)
ok &= check("over free entries, S^{-1} alone is not it", grad_sym(lambda Z: np.log(det(Z)), S), Si, expect=False)

sys.exit(0 if ok else 1)
