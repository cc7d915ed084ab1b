"""The gradient of f(x), x in R^n, is a column (n x 1); the row df/dx (1 x n) is its transpose.

Example: f(x) = sum_i exp(x_i), whose partial derivatives are exp(x_i).
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
x = rng.standard_normal((n, 1))  # a column vector, n x 1
f = lambda x: np.exp(x).sum()

grad = num_grad(f, x)  # one partial derivative per entry: a column, like x
ok = check("grad_x f = [df/dx_i], n x 1", grad, np.exp(x))

# The row df/dx is the one that multiplies a step: f(x + h v) - f(x - h v) ~ 2h (df/dx) v.
v, h = rng.standard_normal((n, 1)), 1e-6
row = grad.T
directional = (f(x + h * v) - f(x - h * v)) / (2 * h)
ok &= check("df/dx = (grad_x f)^T, 1 x n, times v", directional, (row @ v).item())

# SymPy has both: .diff gives the column, .jacobian the row.
xs = sp.Matrix(sp.MatrixSymbol("x", n, 1))
fs = sum(sp.exp(xi) for xi in xs)
at_x = dict(zip(xs, x.ravel()))
ok &= check("SymPy: f.diff(x) is the column, n x 1", sp.Matrix(fs.diff(xs)).subs(at_x), grad)
ok &= check("SymPy: Matrix([f]).jacobian(x) is the row", sp.Matrix([fs]).jacobian(xs).subs(at_x),
            row)

sys.exit(0 if ok else 1)
