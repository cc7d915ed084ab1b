"""Layer norm's Jacobian with the mean and variance held fixed (I / s) is wrong; the right one is
(I - 1 u^T - xhat (u * xhat)^T) / s, here with equal weights u = 1/n."""
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


rng = np.random.default_rng(165)
n, eps = 5, 1e-5
x = rng.standard_normal(n)
u = np.full(n, 1 / n)
norm = lambda x: (x - u @ x) / np.sqrt(u @ (x - u @ x) ** 2 + eps)
s = np.sqrt(u @ (x - u @ x) ** 2 + eps)
xh = norm(x)
J = num_jacobian(norm, x)

ok = check("d xhat/dx = (I - 1 u^T - xhat (u * xhat)^T) / s", J,
           (np.eye(n) - np.outer(np.ones(n), u) - np.outer(xh, u * xh)) / s)
ok &= check("d xhat/dx = I / s  (wrong)", J, np.eye(n) / s, expect=False)

sys.exit(0 if ok else 1)
