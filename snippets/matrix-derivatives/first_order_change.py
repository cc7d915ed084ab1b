"""Reading a matrix derivative: moving X by a small E changes Z by about Tr((dZ/dX)^T E).

Tr(A^T E) = Tr(E^T A) is the Frobenius inner product sum_ij A_ij E_ij, symmetric in A and E.
Example: Z(X) = sum_ij sin(X_ij) X_ij, whose derivative is sin(X) + X cos(X), entrywise.
"""
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
X = rng.standard_normal((m, n))
A = rng.standard_normal((m, n))
E = rng.standard_normal((m, n))
Z = lambda X: (np.sin(X) * X).sum()

ok = check("Tr(A^T E) = Tr(E^T A) = sum_ij A_ij E_ij", np.trace(A.T @ E), np.trace(E.T @ A))
ok &= check("Tr(A^T E) = sum_ij A_ij E_ij", np.trace(A.T @ E), (A * E).sum())

G = num_grad(Z, X)
ok &= check("dZ/dX = sin(X) + X cos(X), entrywise", G, np.sin(X) + X * np.cos(X))
# The change along E, by central differences, against the trace of the derivative times E.
t = 1e-6
change = (Z(X + t * E) - Z(X - t * E)) / (2 * t)
ok &= check("dZ along E = Tr((dZ/dX)^T E)", change, np.trace(G.T @ E))

sys.exit(0 if ok else 1)
