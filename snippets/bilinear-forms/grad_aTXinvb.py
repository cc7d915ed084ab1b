"""d (a^T X^{-1} b)/dX = -X^{-T} a b^T X^{-T}."""
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


rng = np.random.default_rng(24)
n = 5
X = rng.standard_normal((n, n)) + n * np.eye(n)
a, b = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
XiT = np.linalg.inv(X).T

G = num_grad(lambda X: (a.T @ np.linalg.solve(X, b)).item(), X)
ok = check("d (a^T X^{-1} b)/dX = -X^{-T} a b^T X^{-T}", G, -XiT @ a @ b.T @ XiT)

sys.exit(0 if ok else 1)
