"""Traces quadratic in a square matrix (Matrix Cookbook (106), (107), (120))."""
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

rng = np.random.default_rng(106)
n = 4
X, B = rng.standard_normal((n, n)), rng.standard_normal((n, n))
ok = check("d Tr(X^2)/dX = 2 X^T", grad(lambda Z: tr(Z @ Z), X), 2 * X.T)
ok &= check("d Tr(X^2)/dX = 2 X  (no transpose)", grad(lambda Z: tr(Z @ Z), X), 2 * X, expect=False)
ok &= check("d Tr(X^2 B)/dX = (XB + BX)^T", grad(lambda Z: tr(Z @ Z @ B), X), (X @ B + B @ X).T)
ok &= check("d Tr(X kron X)/dX = 2 Tr(X) I", grad(lambda Z: tr(np.kron(Z, Z)), X), 2 * tr(X) * np.eye(n))

sys.exit(0 if ok else 1)
