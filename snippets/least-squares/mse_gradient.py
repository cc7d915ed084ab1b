"""Least squares: L(w) = ||y - Xw||^2 has gradient dL/dw = -2 X^T y + 2 X^T X w = -2 X^T (y - Xw).

Here y (m) holds the observed targets and Xw the predictions; X is m x n, w is n x 1.
Each line of the derivation is checked: the expanded loss, the term-by-term gradient, the result.
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
m, n = 6, 3  # m examples, n features
X = rng.standard_normal((m, n))
y = rng.standard_normal((m, 1))
w = rng.standard_normal((n, 1))

L = lambda w: ((y - X @ w).T @ (y - X @ w)).item()
expanded = (y.T @ y - y.T @ X @ w - w.T @ X.T @ y + w.T @ X.T @ X @ w).item()
ok = check("L = y^Ty - y^TXw - w^TX^Ty + w^TX^TXw", expanded, L(w))

G = num_grad(L, w)
XtX = X.T @ X
term_by_term = 0 - X.T @ y - X.T @ y + (XtX + XtX.T) @ w
ok &= check("dL/dw = 0 - X^Ty - X^Ty + (X^TX + (X^TX)^T)w", term_by_term, G)
ok &= check("dL/dw = -2 X^T y + 2 X^T X w", -2 * X.T @ y + 2 * XtX @ w, G)
ok &= check("dL/dw = -2 X^T (y - Xw)", -2 * X.T @ (y - X @ w), G)

Xs, ys, ws = sp.MatrixSymbol("X", m, n), sp.MatrixSymbol("y", m, 1), sp.MatrixSymbol("w", n, 1)
D = ((ys - Xs * ws).T * (ys - Xs * ws)).diff(ws)
value = sp.Matrix(D.subs({Xs: sp.Matrix(X), ys: sp.Matrix(y), ws: sp.Matrix(w)}))
ok &= check(f"SymPy: dL/dw = {D}", value, G)

sys.exit(0 if ok else 1)
