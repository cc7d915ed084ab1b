"""d Tr(A^T X)/dX = A (a Frobenius inner product: its derivative is the other factor), and
d ||X||_F^2 / dX = 2X (the inner product of X with itself, like a vector's squared norm)."""
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

G = num_grad(lambda X: np.trace(A.T @ X), X)
ok = check("d Tr(A^T X)/dX = A", G, A)
G2 = num_grad(lambda X: np.linalg.norm(X, "fro") ** 2, X)
ok &= check("d ||X||_F^2 / dX = 2X", G2, 2 * X)

As, Xs = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("X", m, n)
D = sp.Trace(As.T * Xs).diff(Xs)
ok &= check(f"SymPy: d Tr(A^T X)/dX = {D}", sp.Matrix(D.subs(As, sp.Matrix(A))), G)
D2 = sp.Trace(Xs.T * Xs).diff(Xs)
ok &= check(f"SymPy: d Tr(X^T X)/dX = {D2}", sp.Matrix(D2.subs(Xs, sp.Matrix(X))), G2)

sys.exit(0 if ok else 1)
