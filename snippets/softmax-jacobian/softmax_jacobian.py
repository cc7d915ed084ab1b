"""The softmax Jacobian ds/dz = diag(s) - s s^T (symmetric, rows summing to 0), and shift
invariance softmax(z + c 1) = softmax(z). Numerically and with SymPy for n = 3."""
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


def softmax(z):
    e = np.exp(z - z.max())  # shifting by max(z) avoids overflow and does not change the result
    return e / e.sum()


rng = np.random.default_rng(80)
n = 5
z = rng.standard_normal(n)
s = softmax(z)
J = num_jacobian(softmax, z)

ok = check("ds/dz = diag(s) - s s^T", J, np.diag(s) - np.outer(s, s))
ok &= check("ds/dz = diag(s (1 - s))  (the diagonal only)", J, np.diag(s * (1 - s)), expect=False)
ok &= check("(diag(s) - s s^T) 1 = 0", J @ np.ones(n), np.zeros(n), tol=1e-8)
ok &= check("softmax(z + c 1) = softmax(z)", softmax(z + 3.7), s)

zs = sp.Matrix(sp.symbols("z0:3"))
ss = zs.applyfunc(sp.exp) / sum(sp.exp(zi) for zi in zs)
ok &= check_zero("SymPy: jacobian - (diag(s) - s s^T)", ss.jacobian(zs) - (sp.diag(*ss) - ss * ss.T))

sys.exit(0 if ok else 1)
