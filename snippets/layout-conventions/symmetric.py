"""The softmax Jacobian is symmetric, so it is the same matrix in both layouts."""
import sys

import numpy as np


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


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


rng = np.random.default_rng(155)
z = rng.standard_normal(5)
J = num_jacobian(softmax, z)  # numerator layout; its transpose is the denominator layout

ok = check("numerator = diag(s) - s s^T", J, np.diag(softmax(z)) - np.outer(softmax(z), softmax(z)))
ok &= check("denominator (transpose) = the same", J.T, J)

sys.exit(0 if ok else 1)
