"""log softmax(z) = z - logsumexp(z) 1, with Jacobian I - 1 s^T (rows equal to s^T)."""
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


def log_softmax(z):
    top = z.max()
    return z - (top + np.log(np.sum(np.exp(z - top))))


rng = np.random.default_rng(83)
n = 5
z = rng.standard_normal(n)
s = np.exp(log_softmax(z))
J = num_jacobian(log_softmax, z)

ok = check("log softmax(z) = z - logsumexp(z) 1", log_softmax(z), np.log(np.exp(z) / np.exp(z).sum()))
ok &= check("d log softmax(z)/dz = I - 1 s^T", J, np.eye(n) - np.outer(np.ones(n), s))
ok &= check("d log softmax(z)/dz = I - s 1^T  (transposed)", J, np.eye(n) - np.outer(s, np.ones(n)), expect=False)

sys.exit(0 if ok else 1)
