"""sigma' = sigma (1 - sigma), tanh' = 1 - tanh^2, tanh(z) = 2 sigma(2z) - 1, sigma(-z) = 1 - sigma(z)."""
import sys

import numpy as np
import sympy as sp


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(y(x + h * e)) - np.ravel(y(x - h * e))) / (2 * h))
    return np.column_stack(cols)


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


rng = np.random.default_rng(71)
n = 4
z = rng.standard_normal(n) * 2
sigma = lambda z: 1 / (1 + np.exp(-z))

ok = check("d sigma(z)/dz = diag(sigma (1 - sigma))", num_jacobian(sigma, z), np.diag(sigma(z) * (1 - sigma(z))))
ok &= check("d tanh(z)/dz = diag(1 - tanh^2)", num_jacobian(np.tanh, z), np.diag(1 - np.tanh(z) ** 2))
ok &= check("tanh(z) = 2 sigma(2z) - 1", np.tanh(z), 2 * sigma(2 * z) - 1)
ok &= check("sigma(-z) = 1 - sigma(z)", sigma(-z), 1 - sigma(z))

t = sp.symbols("t")
s = 1 / (1 + sp.exp(-t))
ok &= check_zero("SymPy: sigma'(t) - sigma (1 - sigma)", s.diff(t) - s * (1 - s))
ok &= check_zero("SymPy: tanh'(t) - (1 - tanh^2)", sp.tanh(t).diff(t) - (1 - sp.tanh(t) ** 2))

sys.exit(0 if ok else 1)
