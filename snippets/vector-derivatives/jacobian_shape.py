"""The Jacobian of y(x) in R^m, x in R^n, is m x n: entry (i, j) is dy_i/dx_j.

Example: y(x) = tanh(Wx) with W m x n, whose Jacobian is diag(1 - y^2) W.
"""
import sys

import numpy as np
import sympy as sp


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    return np.column_stack([(y(x + h * e) - y(x - h * e)) / (2 * h) for e in np.eye(x.size)])


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


rng = np.random.default_rng(0)
m, n = 3, 4  # distinct sizes, so the two layouts have different shapes
W = rng.standard_normal((m, n))
x = rng.standard_normal(n)
y = lambda x: np.tanh(W @ x)

J = num_jacobian(y, x)
ok = check("dy/dx = [dy_i/dx_j], m x n", J, (1 - y(x) ** 2)[:, None] * W)

# SymPy's Matrix.jacobian uses this layout (m x n) ...
xs = sp.Matrix(sp.MatrixSymbol("x", n, 1))
ys = (sp.Matrix(W) * xs).applyfunc(sp.tanh)
ok &= check("SymPy: ys.jacobian(xs), m x n", ys.jacobian(xs).subs(dict(zip(xs, x))), J)

# ... but MatrixSymbol .diff answers in the other layout: the Jacobian of Wx is W (m x n),
# SymPy's (W*x).diff(x) is its transpose (n x m).
Ws, xm = sp.MatrixSymbol("W", m, n), sp.MatrixSymbol("x", n, 1)
D = (Ws * xm).diff(xm)
value = sp.Matrix(D.subs(Ws, sp.Matrix(W)))
ok &= check(f"SymPy: (W*x).diff(x) = {D} = (Jacobian W)^T", value, W.T)

sys.exit(0 if ok else 1)
