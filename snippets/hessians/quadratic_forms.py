"""Hessian of x^T A x is A + A^T (2S for a symmetric S), and the Hessian is the Jacobian of the
gradient: for (1/2) x^T S x - a^T x, the Jacobian of S x - a is S."""
import sys

import numpy as np


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(y(x + h * e)) - np.ravel(y(x - h * e))) / (2 * h))
    return np.column_stack(cols)


def num_hessian(f, x, h=1e-4):
    """Second derivatives by the four-point central formula: H[i, j] = d^2 f / dx_i dx_j."""
    x = np.asarray(x, dtype=float).reshape(-1)
    n = x.size
    H = np.zeros((n, n))
    E = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                       - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h * h)
    return H


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


rng = np.random.default_rng(101)
n = 4
A = rng.standard_normal((n, n))
S = (A + A.T) / 2
x, a = rng.standard_normal(n), rng.standard_normal(n)

ok = check("Hessian of x^T A x = A + A^T", num_hessian(lambda x: x @ A @ x, x), A + A.T)
ok &= check("Hessian of x^T A x = 2A  (A not symmetric)", num_hessian(lambda x: x @ A @ x, x), 2 * A, expect=False)
ok &= check("Hessian of x^T S x = 2S", num_hessian(lambda x: x @ S @ x, x), 2 * S)
f = lambda x: 0.5 * x @ S @ x - a @ x
ok &= check("Jacobian of the gradient S x - a = Hessian", num_jacobian(lambda x: S @ x - a, x), num_hessian(f, x))

sys.exit(0 if ok else 1)
