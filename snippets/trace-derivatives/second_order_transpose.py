"""Traces with the matrix and its transpose (Matrix Cookbook (108)-(113), (115))."""
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

rng = np.random.default_rng(108)
m, n = 3, 4
X = rng.standard_normal((m, n))
Bm, Bn = rng.standard_normal((m, m)), rng.standard_normal((n, n))
left = Bm @ X + Bm.T @ X
ok = check("d Tr(X^T B X)/dX = BX + B^T X", grad(lambda Z: tr(Z.T @ Bm @ Z), X), left)
ok &= check("d Tr(B X X^T)/dX = BX + B^T X", grad(lambda Z: tr(Bm @ Z @ Z.T), X), left)
ok &= check("d Tr(X X^T B)/dX = BX + B^T X", grad(lambda Z: tr(Z @ Z.T @ Bm), X), left)
ok &= check("d Tr(X^T B X)/dX = 2 B X  (only for symmetric B)", grad(lambda Z: tr(Z.T @ Bm @ Z), X),
            2 * Bm @ X, expect=False)
right = X @ Bn.T + X @ Bn
ok &= check("d Tr(X B X^T)/dX = X B^T + X B", grad(lambda Z: tr(Z @ Bn @ Z.T), X), right)
ok &= check("d Tr(B X^T X)/dX = X B^T + X B", grad(lambda Z: tr(Bn @ Z.T @ Z), X), right)
ok &= check("d Tr(X^T X B)/dX = X B^T + X B", grad(lambda Z: tr(Z.T @ Z @ Bn), X), right)
ok &= check("d Tr(X^T X)/dX = 2 X", grad(lambda Z: tr(Z.T @ Z), X), 2 * X)
ok &= check("d Tr(X X^T)/dX = 2 X", grad(lambda Z: tr(Z @ Z.T), X), 2 * X)

sys.exit(0 if ok else 1)
