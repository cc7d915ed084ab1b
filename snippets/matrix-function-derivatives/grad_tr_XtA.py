"""d Tr(X^T A)/dX = A: Tr(X^T A) = sum_ij X_ij A_ij, so each partial derivative is A_ij."""
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
m, n = 3, 4  # A has X's shape; distinct sizes make A^T a different shape
A = rng.standard_normal((m, n))
X = rng.standard_normal((m, n))

G = num_grad(lambda X: np.trace(X.T @ A), X)
ok = check("d Tr(X^T A)/dX = A", G, A)
ok &= check("d Tr(X^T A)/dX = A^T  (extra transpose)", G, A.T, expect=False)

As, Xs = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("X", m, n)
D = sp.Trace(Xs.T * As).diff(Xs)
ok &= check(f"SymPy: d Tr(X^T A)/dX = {D}", sp.Matrix(D.subs(As, sp.Matrix(A))), G)

sys.exit(0 if ok else 1)
