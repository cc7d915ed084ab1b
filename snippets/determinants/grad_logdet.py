"""d log det(X)/dX = X^{-T} (det X > 0), and P^{-1} for a symmetric positive definite P.

slogdet gives log |det X|, whose gradient is X^{-T} for either sign of the determinant.
"""
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


rng = np.random.default_rng(2)
n = 4
X = rng.standard_normal((n, n))  # non-symmetric; its determinant may have either sign
logabsdet = lambda M: np.linalg.slogdet(M)[1]

G = num_grad(logabsdet, X)
ok = check("d log|det X|/dX = X^{-T}", G, np.linalg.inv(X).T)
ok &= check("d log|det X|/dX = X^{-1}  (non-symmetric X)", G, np.linalg.inv(X), expect=False)

R = rng.standard_normal((n, n))
P = R @ R.T + np.eye(n)  # symmetric positive definite
ok &= check("d log det P/dP = P^{-1}  (P spd)", num_grad(logabsdet, P), np.linalg.inv(P))

sys.exit(0 if ok else 1)
