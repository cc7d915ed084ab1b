"""The gradient of a scalar Z(X), X in R^{m x n}, is the m x n matrix [dZ/dX_ij], the shape of X.

Example: Z(X) = ||Xw||^2 = w^T X^T X w, whose gradient is 2 X w w^T (m x n).
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
X = rng.standard_normal((m, n))
w = rng.standard_normal((n, 1))

G = num_grad(lambda X: (w.T @ X.T @ X @ w).item(), X)  # entry (i, j) is dZ/dX_ij
ok = check("dZ/dX = [dZ/dX_ij], m x n", G, 2 * X @ w @ w.T)

# SymPy answers cleanly when the 1 x 1 matrix is wrapped in a Trace; without it, it returns an
# unsimplified array expression of shape (m, n, 1, 1).
Xs, ws = sp.MatrixSymbol("X", m, n), sp.MatrixSymbol("w", n, 1)
D = sp.Trace(ws.T * Xs.T * Xs * ws).diff(Xs)
value = sp.Matrix(D.subs({Xs: sp.Matrix(X), ws: sp.Matrix(w)}))
ok &= check(f"SymPy: d Tr(w^T X^T X w)/dX = {D}", value, G)

sys.exit(0 if ok else 1)
