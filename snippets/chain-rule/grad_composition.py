"""Gradients pick up a transpose: for L = f(g(x)) with g(x) in R^m and x in R^n,
dL/dx = (dg/dx)^T dL/dg, an n x m Jacobian transposed times an m-vector.

Example: g(x) = tanh(Bx), f(g) = log(1 + ||g||^2). Every derivative comes from finite differences.
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


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    return np.column_stack([(y(x + h * e) - y(x - h * e)) / (2 * h) for e in np.eye(x.size)])


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
n, m = 4, 3  # distinct sizes: (dg/dx) without the transpose does not even fit
B = rng.standard_normal((m, n))
g = lambda x: np.tanh(B @ x)
f = lambda u: np.log(1 + u @ u)
x = rng.standard_normal(n)

grad_x = num_grad(lambda x: f(g(x)), x)  # n entries, the shape of x
J_g = num_jacobian(g, x)  # m x n
grad_g = num_grad(f, g(x))  # m entries
ok = check("dL/dx = (dg/dx)^T dL/dg", grad_x, J_g.T @ grad_g)
ok &= check("dL/dx = (dL/dg)^T dg/dx  (a row, 1 x n)", grad_x[None, :], grad_g[None, :] @ J_g)

# SymPy: the same rule with exact derivatives (a small integer B keeps it fast).
Bs = sp.Matrix([[1, 2, 0, -1], [0, 1, 3, 1], [2, 0, 1, 1]])
xs, us = sp.Matrix(sp.MatrixSymbol("x", n, 1)), sp.Matrix(sp.MatrixSymbol("u", m, 1))
gs = (Bs * xs).applyfunc(sp.tanh)
fs = sp.log(1 + (us.T * us)[0])
direct = fs.subs(dict(zip(us, gs))).diff(xs)
rule = gs.jacobian(xs).T * fs.diff(us).subs(dict(zip(us, gs)))
ok &= check_zero("SymPy: dL/dx - (dg/dx)^T dL/dg", direct - rule)

sys.exit(0 if ok else 1)
