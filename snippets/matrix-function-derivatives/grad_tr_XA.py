"""d Tr(XA)/dX = A^T, the same as d Tr(AX)/dX, because Tr(XA) = Tr(AX).

The source cheat sheet says A: that is wrong unless A is symmetric (it is the numerator-layout
answer, while the sheet uses the denominator layout: the gradient has X's shape).
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

G = num_grad(lambda X: np.trace(X @ A), X)
ok = check("d Tr(XA)/dX = A^T", G, A.T)
ok &= check("source's d Tr(XA)/dX = A", G, A, expect=False)

# With square matrices the shapes agree, but the values still differ (A is not symmetric).
S = rng.standard_normal((m, m))
G_sq = num_grad(lambda X: np.trace(X @ S), rng.standard_normal((m, m)))
ok &= check("square X: d Tr(XA)/dX = A^T", G_sq, S.T)
ok &= check("square X: source's d Tr(XA)/dX = A", G_sq, S, expect=False)

As, Xs = sp.MatrixSymbol("A", n, m), sp.MatrixSymbol("X", m, n)
D = sp.Trace(Xs * As).diff(Xs)
ok &= check(f"SymPy: d Tr(XA)/dX = {D}", sp.Matrix(D.subs(As, sp.Matrix(A))), G)

sys.exit(0 if ok else 1)
