"""Softmax Jacobian: d yhat_i / d z_j = yhat_i (delta_ij - yhat_j).

As a matrix: diag(yhat) - yhat yhat^T, K x K (symmetric).
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


def check_zero(label, expr):
    """Print one line; True when a SymPy expression (each entry of a matrix) simplifies to 0."""
    entries = expr if isinstance(expr, sp.MatrixBase) else [expr]
    zero = all(sp.simplify(e) == 0 for e in entries)
    verdict, detail = ("ok", "is 0") if zero else ("FAIL", "is not 0")
    print(f"{label:<50} {verdict}   symbolic difference {detail}")
    return zero


rng = np.random.default_rng(0)
K = 4


def softmax(z):
    e = np.exp(z - z.max())  # shifting by max(z) avoids overflow and does not change the result
    return e / e.sum()


z = rng.standard_normal(K)
yhat = softmax(z)
J = num_jacobian(softmax, z)
ok = check("d yhat_i/d z_j = yhat_i (delta_ij - yhat_j)", J, np.diag(yhat) - np.outer(yhat, yhat))

k = 3
zs = sp.Matrix(sp.MatrixSymbol("z", k, 1))
ys = zs.applyfunc(sp.exp) / sum(sp.exp(zi) for zi in zs)
ok &= check_zero("SymPy: jacobian - (diag(yhat) - yhat yhat^T)", 
                 ys.jacobian(zs) - (sp.diag(*ys) - ys * ys.T))

sys.exit(0 if ok else 1)
