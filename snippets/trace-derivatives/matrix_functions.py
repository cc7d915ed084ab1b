"""Traces of matrix functions (Matrix Cookbook (98), (128)): d Tr(e^X)/dX = (e^X)^T and
d Tr(sin X)/dX = cos(X)^T for the matrix sine and cosine (power series, not entrywise)."""
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

def series(X, coef, terms=40):
    """sum_k coef(k) X^k, a matrix power series (X small enough to converge fast)."""
    out, P = np.zeros_like(X), np.eye(X.shape[0])
    for k in range(terms):
        out = out + coef(k) * P
        P = P @ X
    return out


fact = [float(np.prod(range(1, k + 1))) for k in range(60)]
expm = lambda X: series(X, lambda k: 1 / fact[k])
sinm = lambda X: series(X, lambda k: 0.0 if k % 2 == 0 else (-1) ** (k // 2) / fact[k])
cosm = lambda X: series(X, lambda k: 0.0 if k % 2 else (-1) ** (k // 2) / fact[k])
rng = np.random.default_rng(128)
n = 4
X = rng.standard_normal((n, n)) / 2
ok = check("d Tr(e^X)/dX = (e^X)^T", grad(lambda Z: tr(expm(Z)), X), expm(X).T)
ok &= check("d Tr(sin X)/dX = cos(X)^T  (matrix functions)", grad(lambda Z: tr(sinm(Z)), X), cosm(X).T)
ok &= check("the entrywise cosine is not it", grad(lambda Z: tr(sinm(Z)), X), np.cos(X).T, expect=False)

sys.exit(0 if ok else 1)
