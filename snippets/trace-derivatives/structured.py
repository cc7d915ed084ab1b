"""Derivatives over the free entries of a symmetric or a diagonal matrix (Matrix Cookbook (139), (142)):
perturb entry (i, j) and (j, i) together for a symmetric variable, only (i, i) for a diagonal one."""
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

def grad_free(f, X, pattern, h=1e-6):
    """d f / d x_ij over free entries: E_ij (+ E_ji for a symmetric pair) moves together."""
    G = np.zeros_like(X)
    for i, j in np.ndindex(X.shape):
        if pattern == "diagonal" and i != j:
            continue
        E = np.zeros_like(X)
        E[i, j] = h
        if pattern == "symmetric":
            E[j, i] = h
        G[i, j] = (f(X + E) - f(X - E)) / (2 * h)
    return G


rng = np.random.default_rng(139)
n = 4
A, M = rng.standard_normal((n, n)), rng.standard_normal((n, n))
S = M + M.T
I = np.eye(n)
ok = check("symmetric S: d Tr(AS)/dS = A + A^T - A o I", grad_free(lambda Z: tr(A @ Z), S, "symmetric"),
           A + A.T - A * I)
ok &= check("symmetric S: the entrywise gradient A^T is not it", grad_free(lambda Z: tr(A @ Z), S, "symmetric"),
            A.T, expect=False)
D = np.diag(rng.standard_normal(n))
ok &= check("diagonal D: d Tr(AD)/dD = A o I", grad_free(lambda Z: tr(A @ Z), D, "diagonal"), A * I)

sys.exit(0 if ok else 1)
