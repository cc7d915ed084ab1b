"""Results copied across layouts: d Tr(CX)/dX is C^T here (C is the numerator-layout answer, and for
square matrices nothing complains); d(Ax)/dx is A (A^T is the denominator-layout answer); the chain
rule for a scalar is (dy/dx)^T dL/dy here."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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


rng = np.random.default_rng(161)
n, m = 4, 3
C, X = rng.standard_normal((n, n)), rng.standard_normal((n, n))
A, x = rng.standard_normal((m, n)), rng.standard_normal(n)

G = num_grad(lambda X: np.trace(C @ X), X)
ok = check("d Tr(CX)/dX = C^T", G, C.T)
ok &= check("d Tr(CX)/dX = C  (numerator layout's, same shape)", G, C, expect=False)
J = num_jacobian(lambda x: A @ x, x)
ok &= check("d(Ax)/dx = A", J, A)
ok &= check("d(Ax)/dx = A^T  (denominator layout's)", J, A.T, expect=False)
y = lambda x: np.sin(A @ x)
L = lambda y: np.sum(y ** 2)
ok &= check("dL/dx = (dy/dx)^T dL/dy", num_grad(lambda x: L(y(x)), x), num_jacobian(y, x).T @ num_grad(L, y(x)))

sys.exit(0 if ok else 1)
