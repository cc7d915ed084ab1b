"""Derivative of the inverse of A(x) for a scalar x: dA^{-1}/dx = -A^{-1} (dA/dx) A^{-1}.

Why: differentiate A A^{-1} = I with the product rule: (dA/dx) A^{-1} + A (dA^{-1}/dx) = 0.
The scalar-calculus guess -(dA/dx) A^{-2} is wrong: A and dA/dx do not commute.
"""
import sys

import numpy as np
import sympy as sp


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


def num_deriv(F, x, h=1e-6):
    """Central difference of a matrix-valued function of a scalar x: entry by entry."""
    return (F(x + h) - F(x - h)) / (2 * h)


rng = np.random.default_rng(0)
n = 4
A0 = rng.standard_normal((n, n)) + n * np.eye(n)  # comfortably invertible near x
A1 = rng.standard_normal((n, n))
A = lambda x: A0 + np.sin(x) * A1
x = 0.3

Ainv, dA = np.linalg.inv(A(x)), num_deriv(A, x)
dAinv = num_deriv(lambda x: np.linalg.inv(A(x)), x)
ok = check("dA^{-1}/dx = -A^{-1} (dA/dx) A^{-1}", dAinv, -Ainv @ dA @ Ainv)
ok &= check("dA^{-1}/dx = -(dA/dx) A^{-2}  (scalar guess)", dAinv, -dA @ Ainv @ Ainv, expect=False)

# SymPy needs an explicit matrix of functions of x: a MatrixSymbol cannot depend on x
# (sp.MatrixSymbol("A", 2, 2).inv().diff(x) silently returns 0).
t = sp.Symbol("x")
As = sp.Matrix(2, 2, lambda i, j: sp.Function(f"a{i}{j}")(t))
Ainv_s = As.inv()
rule = -Ainv_s * As.diff(t) * Ainv_s
ok &= check_zero("SymPy: dA^{-1}/dx - (-A^{-1} A' A^{-1})", Ainv_s.diff(t) - rule)

sys.exit(0 if ok else 1)
