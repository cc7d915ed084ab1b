"""Expanding a Gaussian exponent, P = Sigma^{-1} symmetric:
-(w - mu)^T P (w - mu) = -w^T P w + 2 mu^T P w - mu^T P mu = -w^T P w + 2 w^T P mu - mu^T P mu.

The two cross terms w^T P mu and mu^T P w are equal only because P is symmetric.
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
d = 3
R = rng.standard_normal((d, d))
P = R @ R.T + np.eye(d)  # a precision matrix: symmetric positive definite
mu, w = rng.standard_normal((2, d, 1))

square = (-(w - mu).T @ P @ (w - mu)).item()
first = (-w.T @ P @ w + 2 * mu.T @ P @ w - mu.T @ P @ mu).item()
second = (-w.T @ P @ w + 2 * w.T @ P @ mu - mu.T @ P @ mu).item()
ok = check("= -w^T P w + 2 mu^T P w - mu^T P mu", first, square)
ok &= check("= -w^T P w + 2 w^T P mu - mu^T P mu", second, square)

Q = rng.standard_normal((d, d))  # not symmetric: the expansion breaks
square_Q = (-(w - mu).T @ Q @ (w - mu)).item()
first_Q = (-w.T @ Q @ w + 2 * mu.T @ Q @ w - mu.T @ Q @ mu).item()
ok &= check("non-symmetric P: the same expansion", first_Q, square_Q, expect=False)

Ps = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"p{min(i, j)}{max(i, j)}"))
ms, ws = sp.Matrix(sp.MatrixSymbol("mu", 2, 1)), sp.Matrix(sp.MatrixSymbol("w", 2, 1))
expansion = -ws.T * Ps * ws + 2 * ms.T * Ps * ws - ms.T * Ps * ms
ok &= check_zero("SymPy: square - expansion, P = P^T", -(ws - ms).T * Ps * (ws - ms) - expansion)

sys.exit(0 if ok else 1)
