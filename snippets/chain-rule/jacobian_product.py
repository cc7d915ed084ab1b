"""Chain rule: for y = f(u) and u = g(x), dy/dx = (dy/du)(du/dx), a product of Jacobians.

For a linear outer stage this reads d(Bg)/dx = B dg/dx.

Shapes: (p x n) = (p x m)(m x n), so the order of the factors is forced by the dimensions.
Example: u = g(x) = sin(Bx) in R^m and y = f(u) = exp(Cu) in R^p, for x in R^n.
"""
import sys

import numpy as np
import sympy as sp


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
n, m, p = 4, 3, 2  # distinct sizes: the Jacobians are p x m and m x n
B = rng.standard_normal((m, n))
C = rng.standard_normal((p, m))
g = lambda x: np.sin(B @ x)
f = lambda u: np.exp(C @ u)
x = rng.standard_normal(n)

# Every Jacobian here comes from finite differences: this checks the rule itself.
J_y = num_jacobian(lambda x: f(g(x)), x)
ok = check("dy/dx = (dy/du)(du/dx), p x n", J_y, num_jacobian(f, g(x)) @ num_jacobian(g, x))

# A linear outer stage, Bg: its Jacobian is B, so d(Bg)/dx = B dg/dx.
Bo = rng.standard_normal((p, m))
J_Bg = num_jacobian(lambda x: Bo @ g(x), x)
ok &= check("d(Bg)/dx = B dg/dx, p x n", J_Bg, Bo @ num_jacobian(g, x))

# SymPy: the same rule with exact symbolic Jacobians (small integer matrices keep it fast).
Bs, Cs = sp.Matrix([[1, 2, 0, -1], [0, 1, 3, 1], [2, 0, 1, 1]]), sp.Matrix([[1, -1, 2], [0, 2, 1]])
xs, us = sp.Matrix(sp.MatrixSymbol("x", n, 1)), sp.Matrix(sp.MatrixSymbol("u", m, 1))
gs, fs = (Bs * xs).applyfunc(sp.sin), (Cs * us).applyfunc(sp.exp)
direct = fs.subs(dict(zip(us, gs))).jacobian(xs)
product = fs.jacobian(us).subs(dict(zip(us, gs))) * gs.jacobian(xs)
ok &= check_zero("SymPy: d f(g(x))/dx - (df/du)(dg/dx)", direct - product)

sys.exit(0 if ok else 1)
