"""d (a^T x)/dx = a: a^T x = sum_i a_i x_i, so the partial derivative along x_i is a_i."""
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
a = rng.standard_normal((n, 1))
x = rng.standard_normal((n, 1))

G = num_grad(lambda x: (a.T @ x).item(), x)
ok = check("d (a^T x)/dx = a", G, a)
ok &= check("d (x^T a)/dx = a  (x^T a = a^T x)", num_grad(lambda x: (x.T @ a).item(), x), a)
ok &= check("d (a^T x)/dx = a^T  (a row: wrong layout)", G, a.T, expect=False)

As, xs = sp.MatrixSymbol("a", n, 1), sp.MatrixSymbol("x", n, 1)
D = (As.T * xs).diff(xs)  # keep the 1 x 1 matrix: (a.T*x)[0, 0].diff(x) wrongly gives 0
ok &= check(f"SymPy: d (a^T x)/dx = {D}", sp.Matrix(D.subs(As, sp.Matrix(a))), G)

sys.exit(0 if ok else 1)
