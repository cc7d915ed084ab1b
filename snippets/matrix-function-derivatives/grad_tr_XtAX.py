"""d Tr(X^T A X)/dX = (A + A^T) X: a quadratic form in each column of X (A is m x m, X is m x n)."""
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
A = rng.standard_normal((m, m))  # not symmetric
X = rng.standard_normal((m, n))

G = num_grad(lambda X: np.trace(X.T @ A @ X), X)
ok = check("d Tr(X^T A X)/dX = (A + A^T) X", G, (A + A.T) @ X)
ok &= check("non-symmetric A: d Tr(X^T A X)/dX = 2AX", G, 2 * A @ X, expect=False)

As, Xs = sp.MatrixSymbol("A", m, m), sp.MatrixSymbol("X", m, n)
D = sp.Trace(Xs.T * As * Xs).diff(Xs)
value = sp.Matrix(D.subs({As: sp.Matrix(A), Xs: sp.Matrix(X)}))
ok &= check(f"SymPy: d Tr(X^T A X)/dX = {D}", value, G)

sys.exit(0 if ok else 1)
