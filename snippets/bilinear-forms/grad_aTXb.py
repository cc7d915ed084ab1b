"""d (a^T X b)/dX = a b^T (m x n, the shape of X): numerically and with SymPy."""
import sys

import numpy as np
import sympy as sp


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
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


rng = np.random.default_rng(20)
m, n = 3, 5
X = rng.standard_normal((m, n))
a, b = rng.standard_normal((m, 1)), rng.standard_normal((n, 1))

G = num_grad(lambda X: (a.T @ X @ b).item(), X)
ok = check("d (a^T X b)/dX = a b^T", G, a @ b.T)

Xs = sp.Matrix(sp.MatrixSymbol("X", 2, 3))
As, Bs = sp.Matrix(sp.MatrixSymbol("a", 2, 1)), sp.Matrix(sp.MatrixSymbol("b", 3, 1))
ok &= check_zero("SymPy, 2 x 3: d (a^T X b)/dX - a b^T", (As.T * Xs * Bs)[0, 0].diff(Xs) - As * Bs.T)

sys.exit(0 if ok else 1)
