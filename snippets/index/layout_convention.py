"""This site's one layout convention, in three derivatives.

The gradient of a scalar has the variable's shape: d(a^T x)/dx = a (n x 1), d Tr(A^T X)/dX = A
(m x n). The Jacobian of y in R^m with respect to x in R^n is m x n: d(Ax)/dx = A.
"""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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
m, n = 3, 4  # distinct sizes: a result in the other layout has the transposed shape
a = rng.standard_normal((n, 1))
x = rng.standard_normal((n, 1))
A = rng.standard_normal((m, n))
X = rng.standard_normal((m, n))

ok = check("d(a^T x)/dx = a, n x 1 like x", num_grad(lambda x: (a.T @ x).item(), x), a)
ok &= check("d Tr(A^T X)/dX = A, m x n like X", num_grad(lambda X: np.trace(A.T @ X), X), A)
J = num_jacobian(lambda v: A @ v, x.ravel())
ok &= check("d(Ax)/dx = A, m x n (the Jacobian)", J, A)
ok &= check("d(Ax)/dx = A^T  (the other layout)", J, A.T, expect=False)

sys.exit(0 if ok else 1)
