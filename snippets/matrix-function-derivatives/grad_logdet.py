"""d log det(P) / dP = P^{-1} for a symmetric positive definite P.

For a general square P with det(P) > 0 it is P^{-T}; for a symmetric P the two are the same.
SymPy's MatrixSymbol calculus gets this one wrong (it answers 0), so the symbolic check uses an
explicit matrix of symbols.
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


def check_zero(label, expr):
    """Print one line; True when a SymPy expression (each entry of a matrix) simplifies to 0."""
    entries = expr if isinstance(expr, sp.MatrixBase) else [expr]
    zero = all(sp.simplify(e) == 0 for e in entries)
    verdict, detail = ("ok", "is 0") if zero else ("FAIL", "is not 0")
    print(f"{label:<50} {verdict}   symbolic difference {detail}")
    return zero


rng = np.random.default_rng(0)
n = 4
R = rng.standard_normal((n, n))
P = R @ R.T + n * np.eye(n)  # symmetric positive definite
logdet = lambda P: np.linalg.slogdet(P)[1]

G = num_grad(logdet, P)
ok = check("d log det(P)/dP = P^{-1}  (P spd)", G, np.linalg.inv(P))

M = R + n * np.eye(n)  # not symmetric, det > 0
G_M = num_grad(logdet, M)
ok &= check("general P: d log det(P)/dP = P^{-T}", G_M, np.linalg.inv(M).T)
ok &= check("general P: d log det(P)/dP = P^{-1}", G_M, np.linalg.inv(M), expect=False)

Ps = sp.MatrixSymbol("P", n, n)
D = sp.log(sp.Determinant(Ps)).diff(Ps)
ok &= check(f"SymPy MatrixSymbol says {D}: wrong", sp.Matrix(D), G, expect=False)
Pe = sp.Matrix(sp.MatrixSymbol("P", 2, 2))
D_explicit = sp.log(Pe.det()).diff(Pe)
ok &= check_zero("SymPy, explicit 2 x 2: d log det(P)/dP - P^{-T}", D_explicit - Pe.inv().T)

sys.exit(0 if ok else 1)
