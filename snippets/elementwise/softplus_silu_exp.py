"""softplus(z) = log(1 + exp(z)) has derivative sigma(z); SiLU z sigma(z) has derivative
sigma + z sigma (1 - sigma); exp is its own derivative. All Jacobians diagonal."""
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


rng = np.random.default_rng(72)
n = 5
z = rng.standard_normal(n) * 2
sigma = lambda z: 1 / (1 + np.exp(-z))

ok = check("d softplus(z)/dz = diag(sigma(z))", num_jacobian(lambda z: np.log1p(np.exp(z)), z), np.diag(sigma(z)))
ok &= check("d (z * sigma(z))/dz = diag(sigma + z sigma (1 - sigma))",
            num_jacobian(lambda z: z * sigma(z), z), np.diag(sigma(z) + z * sigma(z) * (1 - sigma(z))))
ok &= check("d exp(z)/dz = diag(exp(z))", num_jacobian(np.exp, z), np.diag(np.exp(z)))

sys.exit(0 if ok else 1)
