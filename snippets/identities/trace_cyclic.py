"""Cyclic property: Tr(AB) = Tr(BA), and Tr(ABC) = Tr(CAB) = Tr(BCA).

Only cyclic shifts are allowed: AB and BA can even have different sizes, and Tr(ACB) is in
general different from Tr(ABC).
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


rng = np.random.default_rng(0)
m, n, p = 2, 3, 4
A, B = rng.standard_normal((m, n)), rng.standard_normal((n, m))
ok = check("Tr(AB) = Tr(BA)  (AB is 2 x 2, BA 3 x 3)", np.trace(B @ A), np.trace(A @ B))

A, B, C = rng.standard_normal((m, n)), rng.standard_normal((n, p)), rng.standard_normal((p, m))
ok &= check("Tr(ABC) = Tr(CAB)", np.trace(C @ A @ B), np.trace(A @ B @ C))
ok &= check("Tr(ABC) = Tr(BCA)", np.trace(B @ C @ A), np.trace(A @ B @ C))

S, T, U = rng.standard_normal((3, 3, 3))  # square, so every order is defined
ok &= check("Tr(ABC) = Tr(ACB)  (not a cyclic shift)", np.trace(S @ U @ T), np.trace(S @ T @ U),
            expect=False)

As, Bs = sp.Matrix(sp.MatrixSymbol("A", m, n)), sp.Matrix(sp.MatrixSymbol("B", n, m))
Cs = sp.Matrix(sp.MatrixSymbol("C", m, m))
ok &= check_zero("SymPy: Tr(AB) - Tr(BA)", (As * Bs).trace() - (Bs * As).trace())
ok &= check_zero("SymPy: Tr(ABC) - Tr(CAB)", (As * Bs * Cs).trace() - (Cs * As * Bs).trace())
ok &= check_zero("SymPy: Tr(ABC) - Tr(BCA)", (As * Bs * Cs).trace() - (Bs * Cs * As).trace())

sys.exit(0 if ok else 1)
