"""d (a^T X b)/dX = a b^T: the outer product, m x n like X (a in R^m, b in R^n).

It is d Tr(AXB)/dX = A^T B^T with A = a^T and B = b, since a scalar is its own trace.
"""
import sys

import numpy as np
import sympy as sp


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
a = rng.standard_normal((m, 1))
b = rng.standard_normal((n, 1))
X = rng.standard_normal((m, n))

G = num_grad(lambda X: (a.T @ X @ b).item(), X)
ok = check("d (a^T X b)/dX = a b^T", G, a @ b.T)
ok &= check("d (a^T X b)/dX = b a^T  (transposed)", G, b @ a.T, expect=False)

as_, bs, Xs = sp.MatrixSymbol("a", m, 1), sp.MatrixSymbol("b", n, 1), sp.MatrixSymbol("X", m, n)
# Wrapped in a Trace, SymPy answers a*b.T; without it, (a.T*X*b).diff(X) is an unsimplified
# array expression of shape (m, n, 1, 1).
D = sp.Trace(as_.T * Xs * bs).diff(Xs)
value = sp.Matrix(D.subs({as_: sp.Matrix(a), bs: sp.Matrix(b)}))
ok &= check(f"SymPy: d Tr(a^T X b)/dX = {D}", value, G)

sys.exit(0 if ok else 1)
