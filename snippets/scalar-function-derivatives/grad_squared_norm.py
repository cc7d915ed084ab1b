"""d ||x||^2/dx = d (x^T x)/dx = 2x: ||x||^2 = sum_i x_i^2, so each partial derivative is 2 x_i.

Shifting x by a constant a shifts the gradient too: d ||x - a||^2/dx = 2(x - a).
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
n = 4
x = rng.standard_normal((n, 1))
a = rng.standard_normal((n, 1))

ok = check("||x||^2 = x^T x", np.linalg.norm(x) ** 2, (x.T @ x).item())
G = num_grad(lambda x: np.linalg.norm(x) ** 2, x)
ok &= check("d ||x||^2/dx = 2x", G, 2 * x)
G_shift = num_grad(lambda x: np.linalg.norm(x - a) ** 2, x)
ok &= check("d ||x - a||^2/dx = 2(x - a)", G_shift, 2 * (x - a))

xs = sp.MatrixSymbol("x", n, 1)
D = (xs.T * xs).diff(xs)
ok &= check(f"SymPy: d (x^T x)/dx = {D}", sp.Matrix(D.subs(xs, sp.Matrix(x))), G)

sys.exit(0 if ok else 1)
