"""Completing the square: with S_N = Phi^T Phi + S0 and m_N = S_N^{-1} (Phi^T y + S0 m0),

-w^T S_N w + 2 w^T (Phi^T y + S0 m0) - c = -(w - m_N)^T S_N (w - m_N) + m_N^T S_N m_N - c,

where c = y^T y + m0^T S0 m0. The w-free rest is absorbed by the normalizing constant, so the
posterior of w is Gaussian with mean m_N and precision beta S_N.
"""
import sys

import numpy as np
import sympy as sp


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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
N, d = 6, 3
Phi = rng.standard_normal((N, d))
y = rng.standard_normal((N, 1))
m0 = rng.standard_normal((d, 1))
R = rng.standard_normal((d, d))
S0 = R @ R.T + np.eye(d)

S_N = Phi.T @ Phi + S0
m_N = np.linalg.solve(S_N, Phi.T @ y + S0 @ m0)  # solve, not inv: same m_N, more accurate
c = (y.T @ y + m0.T @ S0 @ m0).item()
E = lambda w: (-w.T @ S_N @ w + 2 * w.T @ (Phi.T @ y + S0 @ m0)).item() - c

w = rng.standard_normal((d, 1))
ok = check("S_N m_N = Phi^T y + S0 m0", S_N @ m_N, Phi.T @ y + S0 @ m0)
completed = (-(w - m_N).T @ S_N @ (w - m_N) + m_N.T @ S_N @ m_N).item() - c
ok &= check("exponent = -(w-m_N)^T S_N (w-m_N) + rest", completed, E(w))
# The gradient -2 S_N (w - m_N) vanishes at m_N: the mode (and mean) of the posterior.
ok &= check("d exponent/dw = -2 S_N (w - m_N)", num_grad(E, w), -2 * S_N @ (w - m_N))

# Symbolically, for any symmetric invertible S and any b, with m = S^{-1} b (d = 2).
Ss = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"s{min(i, j)}{max(i, j)}"))
bs, ws = sp.Matrix(sp.MatrixSymbol("b", 2, 1)), sp.Matrix(sp.MatrixSymbol("w", 2, 1))
ms = Ss.inv() * bs
ok &= check_zero("SymPy: -w^TSw + 2w^Tb = -(w-m)^TS(w-m) + m^TSm",
                 -ws.T * Ss * ws + 2 * ws.T * bs - (-(ws - ms).T * Ss * (ws - ms) + ms.T * Ss * ms))

sys.exit(0 if ok else 1)
