"""Product rule for matrices A(x) (m x k) and B(x) (k x n) of a scalar x: d(AB)/dx = A'B + AB'.

Here A' = dA/dx, entry by entry.

The order of the factors matters: matrices do not commute.
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
m, k, n = 2, 3, 4
A0, A1, A2 = rng.standard_normal((3, m, k))
B0, B1 = rng.standard_normal((2, k, n))
A = lambda x: A0 + x * A1 + x**2 * A2
B = lambda x: np.cos(x) * B0 + B1
x = 0.7

dAB = num_deriv(lambda x: A(x) @ B(x), x)
ok = check("d(AB)/dx = (dA/dx) B + A (dB/dx)", dAB, num_deriv(A, x) @ B(x) + A(x) @ num_deriv(B, x))

# With square matrices both orders are defined; swapping the factors gives a different matrix.
S0, S1, T0, T1 = rng.standard_normal((4, 3, 3))
S, T = (lambda x: S0 + x * S1), (lambda x: T0 + np.sin(x) * T1)
dST = num_deriv(lambda x: S(x) @ T(x), x)
swapped = T(x) @ num_deriv(S, x) + num_deriv(T, x) @ S(x)
ok &= check("d(AB)/dx = B (dA/dx) + (dB/dx) A  (swapped)", dST, swapped, expect=False)

t = sp.Symbol("x")
As = sp.Matrix(2, 2, lambda i, j: sp.Function(f"a{i}{j}")(t))
Bs = sp.Matrix(2, 2, lambda i, j: sp.Function(f"b{i}{j}")(t))
rule = As.diff(t) * Bs + As * Bs.diff(t)
ok &= check_zero("SymPy: d(AB)/dx - (A'B + AB')", (As * Bs).diff(t) - rule)

sys.exit(0 if ok else 1)
