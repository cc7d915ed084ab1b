"""Weighted least-squares forms with a symmetric weight (Matrix Cookbook (84)-(88))."""
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

rng = np.random.default_rng(84)
m, n = 5, 3
x, s, A = rng.standard_normal((m, 1)), rng.standard_normal((n, 1)), rng.standard_normal((m, n))
M = rng.standard_normal((m, m))
W = M + M.T
q = lambda x, A, s: ((x - A @ s).T @ W @ (x - A @ s)).item()
e = x - A @ s
ok = check("d/ds (x - As)^T W (x - As) = -2 A^T W (x - As)", grad(lambda z: q(x, A, z), s), -2 * A.T @ W @ e)
ok &= check("d/dx (x - As)^T W (x - As) = 2 W (x - As)", grad(lambda z: q(z, A, s), x), 2 * W @ e)
ok &= check("d/dA (x - As)^T W (x - As) = -2 W (x - As) s^T", grad(lambda Z: q(x, Z, s), A), -2 * W @ e @ s.T)
sm = rng.standard_normal((m, 1))
I = np.eye(m)
ok &= check("d/dx (x - s)^T W (x - s) = 2 W (x - s)", grad(lambda z: q(z, I, sm), x), 2 * W @ (x - sm))
ok &= check("d/ds (x - s)^T W (x - s) = -2 W (x - s)", grad(lambda z: q(x, I, z), sm), -2 * W @ (x - sm))
Wn = M  # not symmetric: the factor 2 W becomes W + W^T
ok &= check("with W not symmetric, 2 W (x - s) is wrong",
            grad(lambda z: ((z - sm).T @ Wn @ (z - sm)).item(), x), 2 * Wn @ (x - sm), expect=False)

sys.exit(0 if ok else 1)
