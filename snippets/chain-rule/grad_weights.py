"""Backpropagation through a linear layer u = Ax: the weight gradient is dy/dA = (grad_u y) x^T.

The upstream gradient times the input, transposed: m x n, the shape of A (and the input gets
grad_x y = A^T grad_u y). Example: y = f(u) = log(sum_i exp(u_i)), with grad_u y = softmax(u).
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
m, n = 3, 4
A = rng.standard_normal((m, n))
x = rng.standard_normal((n, 1))
f = lambda u: np.log(np.exp(u).sum())

grad_u = num_grad(f, A @ x)  # m x 1: the upstream gradient
G = num_grad(lambda A: f(A @ x), A)
ok = check("dy/dA = (grad_u y) x^T  (m x n)", G, grad_u @ x.T)
ok &= check("dy/dA = x (grad_u y)^T  (n x m)", G, x @ grad_u.T, expect=False)
ok &= check("grad_x y = A^T grad_u y", num_grad(lambda x: f(A @ x), x), A.T @ grad_u)

As = sp.Matrix(sp.MatrixSymbol("A", 2, 3))
xs = sp.Matrix(sp.MatrixSymbol("x", 3, 1))
us = As * xs
ys = sp.log(sum(sp.exp(ui) for ui in us))
softmax = us.applyfunc(sp.exp) / sum(sp.exp(ui) for ui in us)
ok &= check_zero("SymPy: dy/dA - softmax(Ax) x^T", ys.diff(As) - softmax * xs.T)

sys.exit(0 if ok else 1)
