"""The trace at work: p^T X q = Tr(q p^T X), which is Tr(G^T X) with G = p q^T, so
d(p^T X q)/dX = p q^T (m x n, like X, for p in R^m and q in R^n)."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
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


rng = np.random.default_rng(0)
m, n = 3, 4
p = rng.standard_normal((m, 1))
q = rng.standard_normal((n, 1))
X = rng.standard_normal((m, n))

ok = check("p^T X q = Tr(q p^T X)", np.trace(q @ p.T @ X), (p.T @ X @ q).item())
G = num_grad(lambda X: (p.T @ X @ q).item(), X)
ok &= check("d(p^T X q)/dX = p q^T", G, p @ q.T)
ok &= check("d(p^T X q)/dX = q p^T  (transposed)", G, q @ p.T, expect=False)

sys.exit(0 if ok else 1)
