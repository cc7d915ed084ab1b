"""Product rule for matrices F(x) (m x p) and G(x) (p x n) of a scalar x: d(FG)/dx = F'G + FG'.

Here F' = dF/dx, entry by entry.

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
m, p, n = 2, 3, 4
F0, F1, F2 = rng.standard_normal((3, m, p))
G0, G1 = rng.standard_normal((2, p, n))
F = lambda x: F0 + x * F1 + x**2 * F2
G = lambda x: np.cos(x) * G0 + G1
x = 0.7

dFG = num_deriv(lambda x: F(x) @ G(x), x)
ok = check("d(FG)/dx = (dF/dx) G + F (dG/dx)", dFG, num_deriv(F, x) @ G(x) + F(x) @ num_deriv(G, x))

# With square matrices both orders are defined; swapping the factors gives a different matrix.
S0, S1, T0, T1 = rng.standard_normal((4, 3, 3))
S, T = (lambda x: S0 + x * S1), (lambda x: T0 + np.sin(x) * T1)
dST = num_deriv(lambda x: S(x) @ T(x), x)
swapped = T(x) @ num_deriv(S, x) + num_deriv(T, x) @ S(x)
ok &= check("d(FG)/dx = G (dF/dx) + (dG/dx) F  (swapped)", dST, swapped, expect=False)

t = sp.Symbol("x")
Fs = sp.Matrix(2, 2, lambda i, j: sp.Function(f"f{i}{j}")(t))
Gs = sp.Matrix(2, 2, lambda i, j: sp.Function(f"g{i}{j}")(t))
rule = Fs.diff(t) * Gs + Fs * Gs.diff(t)
ok &= check_zero("SymPy: d(FG)/dx - (F'G + FG')", (Fs * Gs).diff(t) - rule)

sys.exit(0 if ok else 1)
