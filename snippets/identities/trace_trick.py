"""The trace trick: a scalar is its own trace, so x^T M x = Tr(x^T M x) = Tr(M x x^T)."""
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
n = 4
x = rng.standard_normal((n, 1))
M = rng.standard_normal((n, n))

ok = check("x^T M x = Tr(M x x^T)", np.trace(M @ x @ x.T), (x.T @ M @ x).item())
# The trick makes the matrix derivative easy to read off: d(x^T M x)/dM = x x^T.
G = np.zeros_like(M)
h = 1e-6
for i in np.ndindex(M.shape):
    E = np.zeros_like(M)
    E[i] = h
    G[i] = ((x.T @ (M + E) @ x) - (x.T @ (M - E) @ x)).item() / (2 * h)
ok &= check("so d(x^T M x)/dM = x x^T", G, x @ x.T)

xs, Ms = sp.Matrix(sp.MatrixSymbol("x", 3, 1)), sp.Matrix(sp.MatrixSymbol("M", 3, 3))
ok &= check_zero("SymPy: x^T M x - Tr(M x x^T)", (xs.T * Ms * xs)[0] - (Ms * xs * xs.T).trace())

sys.exit(0 if ok else 1)
