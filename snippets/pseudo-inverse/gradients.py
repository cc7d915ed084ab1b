"""Gradients through the pseudo-inverse of a tall matrix: log det of the Gram matrix (Cookbook 55), a trace, variable projection."""
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


def d_dt(F, t, h=1e-6):
    """Central finite difference of a matrix function of a scalar (entry by entry)."""
    return (F(t + h) - F(t - h)) / (2 * h)


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

rng = np.random.default_rng(55)
m, n = 6, 4
X, B, y = rng.standard_normal((m, n)), rng.standard_normal((m, n)), rng.standard_normal(m)
Xp = pinv(X)
ok = check("d log det(X^T X)/dX = 2 X (X^T X)^{-1}", grad(lambda X: np.linalg.slogdet(X.T @ X)[1], X), 2 * X @ inv(X.T @ X))
ok &= check("2 X (X^T X)^{-1} = 2 (X^+)^T", 2 * X @ inv(X.T @ X), 2 * Xp.T)
want = -Xp.T @ B.T @ Xp.T + (np.eye(m) - X @ Xp) @ B @ inv(X.T @ X)
ok &= check("d Tr(B X^+)/dX", grad(lambda X: tr(B @ pinv(X)), X), want)
ok &= check("d Tr(B X^+)/dX = -(X^+ B X^+)^T  (first term only)", grad(lambda X: tr(B @ pinv(X)), X), -(Xp @ B @ Xp).T, expect=False)
rss = lambda X: y @ (np.eye(m) - X @ pinv(X)) @ y
ok &= check("d y^T (I - X X^+) y / dX = -2 (I - XX^+) y y^T (X^+)^T", grad(rss, X),
            -2 * np.outer((np.eye(m) - X @ Xp) @ y, y) @ Xp.T)
ok &= check("d (X^+ y) / dy = X^+", jac(lambda y: Xp @ y, y), Xp)

sys.exit(0 if ok else 1)
