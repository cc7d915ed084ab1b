"""d (c^T X^T d)/dX = d c^T for X m x n, c in R^n, d in R^m (the outer product the other way round)."""
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


rng = np.random.default_rng(22)
m, n = 5, 2
X = rng.standard_normal((m, n))
c, d = rng.standard_normal((n, 1)), rng.standard_normal((m, 1))

G = num_grad(lambda X: (c.T @ X.T @ d).item(), X)
ok = check("d (c^T X^T d)/dX = d c^T", G, d @ c.T)
ok &= check("c^T X^T d = d^T X c", (c.T @ X.T @ d).item(), (d.T @ X @ c).item())

sys.exit(0 if ok else 1)
