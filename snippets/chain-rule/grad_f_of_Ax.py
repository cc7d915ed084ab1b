"""Chain rule with u = Ax: dy/dx = (dy/du) A as rows (1 x n), grad_x y = A^T grad_u y as columns.

Example: y = f(u) = log(sum_i exp(u_i)), whose gradient grad_u f is softmax(u); A is m x n.
"""
import sys

import numpy as np
import sympy as sp


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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


rng = np.random.default_rng(0)
m, n = 3, 4  # distinct sizes, so A and A^T cannot be mixed up silently
A = rng.standard_normal((m, n))
x = rng.standard_normal((n, 1))
f = lambda u: np.log(np.exp(u).sum())

u = A @ x
grad_u = num_grad(f, u)  # m x 1
grad_x = num_grad(lambda x: f(A @ x), x)  # n x 1
ok = check("grad_u f = softmax(u)", grad_u, np.exp(u) / np.exp(u).sum())
ok &= check("grad_x y = A^T grad_u y  (n x 1)", grad_x, A.T @ grad_u)
ok &= check("dy/dx = (dy/du) A  (row, 1 x n)", grad_x.T, grad_u.T @ A)
ok &= check("grad_x y = (dy/du) A  (a row: wrong layout)", grad_x, grad_u.T @ A, expect=False)

As = sp.Matrix([[1, 2, 0, -1], [0, 1, 3, 1], [2, 0, 1, 1]])  # a small exact A, 3 x 4
xs = sp.Matrix(sp.MatrixSymbol("x", n, 1))
us = As * xs
ys = sp.log(sum(sp.exp(ui) for ui in us))
softmax = sp.Matrix([sp.exp(ui) for ui in us]) / sum(sp.exp(ui) for ui in us)
ok &= check_zero("SymPy: grad_x y - A^T softmax(Ax)", ys.diff(xs) - As.T * softmax)

sys.exit(0 if ok else 1)
