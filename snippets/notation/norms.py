"""Norms as products: ||x||^2 = x^T x, ||X||_F^2 = Tr(X^T X), and with (Ax)^T = x^T A^T,
||Ax||^2 = x^T A^T A x.
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
m, n = 3, 4
x = rng.standard_normal((n, 1))
X = rng.standard_normal((m, n))
A = rng.standard_normal((m, n))

ok = check("||x||^2 = x^T x", (x.T @ x).item(), np.linalg.norm(x) ** 2)
ok &= check("||X||_F^2 = Tr(X^T X)", np.trace(X.T @ X), np.linalg.norm(X, "fro") ** 2)
ok &= check("(Ax)^T = x^T A^T", x.T @ A.T, (A @ x).T)
ok &= check("||Ax||^2 = x^T A^T A x", (x.T @ A.T @ A @ x).item(), np.linalg.norm(A @ x) ** 2)

As, xs = sp.Matrix(sp.MatrixSymbol("A", 2, 3)), sp.Matrix(sp.MatrixSymbol("x", 3, 1))
norm2 = sum(e**2 for e in As * xs)
ok &= check_zero("SymPy: ||Ax||^2 - x^T A^T A x", norm2 - (xs.T * As.T * As * xs)[0])

sys.exit(0 if ok else 1)
