"""Bayesian linear regression: the exponent's six terms, and the same terms grouped by powers of w.

Likelihood times prior is exp(-beta/2 [(y - Phi w)^T (y - Phi w) + (w - m0)^T S0 (w - m0)]).
The six terms listed in the derivation are minus the bracket, so the factor set aside is beta/2
(the minus sign is kept in the terms). S0, a precision matrix, is symmetric: that is what lets
w^T S0 m0 and m0^T S0 w merge into 2 m0^T S0 w.
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
N, d = 6, 3  # N observations, d basis functions: Phi is N x d
Phi = rng.standard_normal((N, d))
y = rng.standard_normal((N, 1))
m0 = rng.standard_normal((d, 1))
R = rng.standard_normal((d, d))
S0 = R @ R.T + np.eye(d)  # symmetric positive definite
w = rng.standard_normal((d, 1))

bracket = ((y - Phi @ w).T @ (y - Phi @ w) + (w - m0).T @ S0 @ (w - m0)).item()
six_terms = (-y.T @ y + 2 * w.T @ Phi.T @ y - w.T @ Phi.T @ Phi @ w
             - w.T @ S0 @ w + 2 * m0.T @ S0 @ w - m0.T @ S0 @ m0).item()
grouped = (-w.T @ (Phi.T @ Phi + S0) @ w + 2 * w.T @ (Phi.T @ y + S0 @ m0)
           - (y.T @ y + m0.T @ S0 @ m0)).item()
ok = check("six terms = -[residual^2 + prior term]", six_terms, -bracket)
ok &= check("grouped (quadratic, linear, constant)", grouped, six_terms)

# Symbolically, with a small explicit model (N = 3, d = 2) and a symmetric S0.
Ps, ys = sp.Matrix(sp.MatrixSymbol("Phi", 3, 2)), sp.Matrix(sp.MatrixSymbol("y", 3, 1))
ms, ws = sp.Matrix(sp.MatrixSymbol("m0", 2, 1)), sp.Matrix(sp.MatrixSymbol("w", 2, 1))
Ss = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"s{min(i, j)}{max(i, j)}"))
bracket_s = (ys - Ps * ws).T * (ys - Ps * ws) + (ws - ms).T * Ss * (ws - ms)
grouped_s = (-ws.T * (Ps.T * Ps + Ss) * ws + 2 * ws.T * (Ps.T * ys + Ss * ms)
             - (ys.T * ys + ms.T * Ss * ms))
ok &= check_zero("SymPy: grouped + [residual^2 + prior term]", grouped_s + bracket_s)

sys.exit(0 if ok else 1)
