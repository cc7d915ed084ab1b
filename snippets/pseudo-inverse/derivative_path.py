"""The derivative of the pseudo-inverse of a full-column-rank matrix along a scalar, and of its projection."""
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

rng = np.random.default_rng(11)
m, n = 6, 4
F0, F1, F2 = (rng.standard_normal((m, n)) for _ in range(3))
F = lambda t: F0 + np.sin(t) * F1 + t ** 2 * F2       # a tall matrix, full column rank near t
dF = lambda t: np.cos(t) * F1 + 2 * t * F2
t = 0.3
Fp, D = pinv(F(t)), dF(t)
want = -Fp @ D @ Fp + inv(F(t).T @ F(t)) @ D.T @ (np.eye(m) - F(t) @ Fp)
ok = check("d(F^+)/dt = -F^+ F' F^+ + (F^T F)^{-1} F'^T (I - F F^+)", d_dt(lambda s: pinv(F(s)), t), want)
ok &= check("d(F^+)/dt = -F^+ F' F^+  (the inverse's rule)", d_dt(lambda s: pinv(F(s)), t), -Fp @ D @ Fp, expect=False)
Pc = F(t) @ Fp
want = (np.eye(m) - Pc) @ D @ Fp + Fp.T @ D.T @ (np.eye(m) - Pc)
ok &= check("d(F F^+)/dt = (I - FF^+) F' F^+ + (F^+)^T F'^T (I - FF^+)", d_dt(lambda s: F(s) @ pinv(F(s)), t), want)

sys.exit(0 if ok else 1)
