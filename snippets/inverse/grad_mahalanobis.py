"""d (x^T S^{-1} x)/dS = -S^{-1} x x^T S^{-1} for a symmetric positive definite S.

The derivative perturbs each entry of S independently (the unconstrained gradient); the result is
symmetric, so it is also the gradient over symmetric matrices.
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


rng = np.random.default_rng(13)
n = 3
R = rng.standard_normal((n, n))
S = R @ R.T + np.eye(n)
x = rng.standard_normal((n, 1))
Si = np.linalg.inv(S)

G = num_grad(lambda S: (x.T @ np.linalg.solve(S, x)).item(), S)
ok = check("d (x^T S^{-1} x)/dS = -S^{-1} x x^T S^{-1}", G, -Si @ x @ x.T @ Si)
ok &= check("the gradient is symmetric", G, G.T)

sys.exit(0 if ok else 1)
