"""The layer norm Jacobian: d xhat/dx = (I - 1 w^T - xhat (w * xhat)^T) / s; with w = 1/n each,
(I - 1 1^T / n - xhat xhat^T / n) / s. Dividing by a constant s (ignoring that the mean and the
variance depend on x) gives I / s, which is wrong."""
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


def layer_norm(x, w, eps=1e-5):
    c = x - w @ x
    return c / np.sqrt(w @ (c * c) + eps)


rng = np.random.default_rng(131)
n, eps = 5, 1e-5
x = rng.standard_normal(n) * 2 + 1
w = np.full(n, 1 / n)
c = x - w @ x
s = np.sqrt(w @ (c * c) + eps)
xh = c / s

J = num_jacobian(lambda x: layer_norm(x, w), x)
ok = check("d xhat/dx = (I - 1 w^T - xhat (w * xhat)^T) / s", J,
           (np.eye(n) - np.outer(np.ones(n), w) - np.outer(xh, w * xh)) / s)
ok &= check("= (I - 1 1^T/n - xhat xhat^T/n) / s", J, (np.eye(n) - np.ones((n, n)) / n - np.outer(xh, xh) / n) / s)
ok &= check("d xhat/dx = I / s  (mean and variance held fixed)", J, np.eye(n) / s, expect=False)

wg = rng.dirichlet(np.ones(n))
cg = x - wg @ x
sg = np.sqrt(wg @ (cg * cg) + eps)
xg = cg / sg
ok &= check("general weights: the same formula", num_jacobian(lambda x: layer_norm(x, wg), x),
            (np.eye(n) - np.outer(np.ones(n), wg) - np.outer(xg, wg * xg)) / sg)

sys.exit(0 if ok else 1)
