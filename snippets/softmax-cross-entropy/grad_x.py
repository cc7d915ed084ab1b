"""Softmax regression, z = Wx + b: the gradient passed back to the input is W^T (yhat - y)."""
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
k, n = 4, 3  # k classes, n features: W is k x n


def log_softmax(z):
    return z - z.max() - np.log(np.exp(z - z.max()).sum())  # stable log(softmax(z))


W = rng.standard_normal((k, n))
b = rng.standard_normal((k, 1))
x = rng.standard_normal((n, 1))
y = np.eye(k)[:, [2]]  # one-hot column: the true class is 2
L = lambda x: -(y.T @ log_softmax(W @ x + b)).item()

yhat = np.exp(log_softmax(W @ x + b))
G = num_grad(L, x)
ok = check("dL/dx = W^T (yhat - y)  (n x 1)", G, W.T @ (yhat - y))

Ws = sp.Matrix(sp.MatrixSymbol("W", 3, 2))
xs, bs = sp.Matrix(sp.MatrixSymbol("x", 2, 1)), sp.Matrix(sp.MatrixSymbol("b", 3, 1))
zs = Ws * xs + bs
ys_hat = zs.applyfunc(sp.exp) / sum(sp.exp(zi) for zi in zs)
y_onehot = sp.Matrix([0, 0, 1])
Ls = -(y_onehot.T * ys_hat.applyfunc(sp.log))[0]
ok &= check_zero("SymPy: dL/dx - W^T (yhat - y)", Ls.diff(xs) - Ws.T * (ys_hat - y_onehot))

sys.exit(0 if ok else 1)
