"""d Tr(AX)/dX = A^T, checked by central finite differences and by SymPy.

Denominator layout: the gradient of a scalar has the variable's shape (here X is m x n).
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
m, n = 3, 4  # distinct sizes, so a missing transpose changes the shape
A = rng.standard_normal((n, m))
X = rng.standard_normal((m, n))

G = num_grad(lambda X: np.trace(A @ X), X)
ok = check("d Tr(AX)/dX = A^T", G, A.T)
ok &= check("d Tr(AX)/dX = A  (transpose forgotten)", G, A, expect=False)

# SymPy gets this one right; we trust it because it also matches the numbers.
As, Xs = sp.MatrixSymbol("A", n, m), sp.MatrixSymbol("X", m, n)
D = sp.Trace(As * Xs).diff(Xs)
ok &= check(f"SymPy: d Tr(AX)/dX = {D}", sp.Matrix(D.subs(As, sp.Matrix(A))), G)

sys.exit(0 if ok else 1)
