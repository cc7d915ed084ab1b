"""d c/dx = 0: a constant does not change with x; the zero gradient has x's shape (n x 1)."""
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
n = 4
x = rng.standard_normal((n, 1))
c = 7.0

G = num_grad(lambda x: c, x)
ok = check("d c/dx = 0  (an n x 1 zero vector)", G, np.zeros((n, 1)))

xs = sp.MatrixSymbol("x", n, 1)
D = sp.Integer(7).diff(xs)  # SymPy returns ZeroMatrix(n, 1), printed as 0
ok &= check(f"SymPy: d c/dx = {D!r}", sp.Matrix(D), G)

sys.exit(0 if ok else 1)
