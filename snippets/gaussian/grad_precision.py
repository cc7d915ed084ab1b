"""In the precision P = S^{-1}: L = -(x - mu)^T P (x - mu) / 2 + log det P / 2, dL/dP = (P^{-1} - r r^T) / 2."""
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


rng = np.random.default_rng(122)
n = 4
x, mu = rng.standard_normal(n), rng.standard_normal(n)
R = rng.standard_normal((n, n))
P = R @ R.T + np.eye(n)
r = x - mu
L = lambda P: -0.5 * r @ P @ r + 0.5 * np.linalg.slogdet(P)[1]

ok = check("dL/dP = (P^{-1} - r r^T) / 2", num_grad(L, P), 0.5 * (np.linalg.inv(P) - np.outer(r, r)))

sys.exit(0 if ok else 1)
