"""Scalar by matrix, X n x m: numerator layout gives the m x n transpose of the entrywise partials,
denominator layout the n x m partials themselves. Tr(CX): C vs C^T; u^T X v: v u^T vs u v^T;
log det P: P^{-1} vs P^{-T}."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(153)
n, m = 3, 4
X, C = rng.standard_normal((n, m)), rng.standard_normal((m, n))
u, v = rng.standard_normal(n), rng.standard_normal(m)
P = rng.standard_normal((n, n)) + n * np.eye(n)

den = num_grad(lambda X: np.trace(C @ X), X)  # entry (i, j) = d/dX_ij: denominator layout
ok = check("denominator: d Tr(CX)/dX = C^T", den, C.T)
ok &= check("numerator: d Tr(CX)/dX = C", den.T, C)
den = num_grad(lambda X: u @ X @ v, X)
ok &= check("denominator: d(u^T X v)/dX = u v^T", den, np.outer(u, v))
ok &= check("numerator: d(u^T X v)/dX = v u^T", den.T, np.outer(v, u))
den = num_grad(lambda P: np.linalg.slogdet(P)[1], P)
ok &= check("denominator: d log det P/dP = P^{-T}", den, np.linalg.inv(P).T)
ok &= check("numerator: d log det P/dP = P^{-1}", den.T, np.linalg.inv(P))

sys.exit(0 if ok else 1)
