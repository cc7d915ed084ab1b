"""d ||AX - B||_F^2 / dX = 2 A^T (AX - B): the squared error of a linear model with weights X.

A is p x m, X is m x n, B is p x n; the gradient is m x n, the shape of X.
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
p, m, n = 5, 3, 4
A = rng.standard_normal((p, m))
B = rng.standard_normal((p, n))
X = rng.standard_normal((m, n))

G = num_grad(lambda X: np.linalg.norm(A @ X - B, "fro") ** 2, X)
ok = check("d ||AX - B||_F^2 / dX = 2 A^T (AX - B)", G, 2 * A.T @ (A @ X - B))

As, Bs, Xs = sp.MatrixSymbol("A", p, m), sp.MatrixSymbol("B", p, n), sp.MatrixSymbol("X", m, n)
D = sp.Trace((As * Xs - Bs).T * (As * Xs - Bs)).diff(Xs)
value = sp.Matrix(D.subs({As: sp.Matrix(A), Bs: sp.Matrix(B), Xs: sp.Matrix(X)}))
ok &= check(f"SymPy: d Tr((AX-B)^T (AX-B))/dX = {D}", value, G)

sys.exit(0 if ok else 1)
