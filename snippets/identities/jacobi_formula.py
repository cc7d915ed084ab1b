"""Jacobi's formula: for a square F(x) of a scalar x, d det(F)/dx = det(F) Tr(F^{-1} dF/dx)."""
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
    """Central difference of a function of a scalar x (entry by entry for a matrix)."""
    return (F(x + h) - F(x - h)) / (2 * h)


rng = np.random.default_rng(0)
n = 4
F0 = rng.standard_normal((n, n)) + n * np.eye(n)
F1 = rng.standard_normal((n, n))
F = lambda x: F0 + np.sin(x) * F1
x = 0.3

lhs = num_deriv(lambda x: np.linalg.det(F(x)), x)
rhs = np.linalg.det(F(x)) * np.trace(np.linalg.solve(F(x), num_deriv(F, x)))
ok = check("d det(F)/dx = det(F) Tr(F^{-1} dF/dx)", lhs, rhs)

t = sp.Symbol("x")
Fs = sp.Matrix(2, 2, lambda i, j: sp.Function(f"f{i}{j}")(t))
rule = Fs.det() * (Fs.inv() * Fs.diff(t)).trace()
ok &= check_zero("SymPy: d det(F)/dx - det(F) Tr(F^{-1} F')", Fs.det().diff(t) - rule)

sys.exit(0 if ok else 1)
