"""d ||X - A||_F^2 / dX = 2(X - A).

||X - A||_F^2 = Tr((X - A)^T (X - A)) = sum_ij (X_ij - A_ij)^2,
so each partial derivative is 2(X_ij - A_ij).
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
A = rng.standard_normal((m, n))
X = rng.standard_normal((m, n))

frob2 = lambda X: np.linalg.norm(X - A, "fro") ** 2
trace_form = lambda X: np.trace((X - A).T @ (X - A))
ok = check("||X - A||_F^2 = Tr((X - A)^T (X - A))", trace_form(X), frob2(X))

G = num_grad(frob2, X)
ok &= check("d ||X - A||_F^2 / dX = 2(X - A)", G, 2 * (X - A))

As, Xs = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("X", m, n)
D = sp.Trace((Xs - As).T * (Xs - As)).diff(Xs)
value = sp.Matrix(D.subs({As: sp.Matrix(A), Xs: sp.Matrix(X)}))
ok &= check(f"SymPy: d Tr((X-A)^T (X-A))/dX = {D}", value, G)

sys.exit(0 if ok else 1)
