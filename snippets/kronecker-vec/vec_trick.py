"""vec(A X B) = (B^T kron A) vec(X), with vec stacking columns (Fortran order in NumPy);
so B^T kron A is the Jacobian of X -> A X B in vec coordinates, and A X = (I kron A) vec(X),
X B = (B^T kron I) vec(X).
"""
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


rng = np.random.default_rng(50)
m, n, p, q = 2, 3, 4, 5
A, X, B = rng.standard_normal((m, n)), rng.standard_normal((n, p)), rng.standard_normal((p, q))
vec = lambda M: M.reshape(-1, order="F")  # stack the columns; reshape(-1) alone would stack rows

ok = check("vec(A X B) = (B^T kron A) vec(X)", vec(A @ X @ B), np.kron(B.T, A) @ vec(X))
ok &= check("vec(A X B) = (A kron B^T) vec(X)  (order swapped)", vec(A @ X @ B),
            np.kron(A, B.T) @ vec(X), expect=False)
J = num_jacobian(lambda x: vec(A @ x.reshape(n, p, order="F") @ B), vec(X))
ok &= check("Jacobian of vec(A X B) w.r.t. vec(X) = B^T kron A", J, np.kron(B.T, A))
ok &= check("vec(A X) = (I kron A) vec(X)", vec(A @ X), np.kron(np.eye(p), A) @ vec(X))
ok &= check("vec(X B) = (B^T kron I) vec(X)", vec(X @ B), np.kron(B.T, np.eye(n)) @ vec(X))

sys.exit(0 if ok else 1)
