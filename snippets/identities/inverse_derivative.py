"""Derivative of the inverse of F(x) for a scalar x: dF^{-1}/dx = -F^{-1} (dF/dx) F^{-1}.

Why: differentiate F F^{-1} = I with the product rule: (dF/dx) F^{-1} + F (dF^{-1}/dx) = 0.
The scalar-calculus guess -(dF/dx) F^{-2} is wrong: F and dF/dx do not commute.
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
F0 = rng.standard_normal((n, n)) + n * np.eye(n)  # comfortably invertible near x
F1 = rng.standard_normal((n, n))
F = lambda x: F0 + np.sin(x) * F1
x = 0.3

Finv, dF = np.linalg.inv(F(x)), num_deriv(F, x)
dFinv = num_deriv(lambda x: np.linalg.inv(F(x)), x)
ok = check("(dF/dx) F^{-1} + F (dF^{-1}/dx) = 0", dF @ Finv + F(x) @ dFinv, np.zeros((n, n)))
ok &= check("dF^{-1}/dx = -F^{-1} (dF/dx) F^{-1}", dFinv, -Finv @ dF @ Finv)
ok &= check("dF^{-1}/dx = -(dF/dx) F^{-2}  (scalar guess)", dFinv, -dF @ Finv @ Finv, expect=False)

# SymPy needs an explicit matrix of functions of x: a MatrixSymbol cannot depend on x
# (sp.MatrixSymbol("F", 2, 2).inv().diff(x) silently returns 0).
t = sp.Symbol("x")
Fs = sp.Matrix(2, 2, lambda i, j: sp.Function(f"f{i}{j}")(t))
Finv_s = Fs.inv()
rule = -Finv_s * Fs.diff(t) * Finv_s
ok &= check_zero("SymPy: dF^{-1}/dx - (-F^{-1} F' F^{-1})", Finv_s.diff(t) - rule)

sys.exit(0 if ok else 1)
