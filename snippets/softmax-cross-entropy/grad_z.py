"""Cross-entropy after softmax: L = -y^T log(yhat), yhat = softmax(z), has dL/dz = yhat - y.

This needs sum(y) = 1 (a one-hot y, or any probability vector): in general dL/dz = sum(y) yhat - y.
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
K = 4


def log_softmax(z):
    return z - z.max() - np.log(np.exp(z - z.max()).sum())  # stable log(softmax(z))


z = rng.standard_normal(K)
yhat = np.exp(log_softmax(z))
y = np.eye(K)[1]  # one-hot: the true class is 1

G = num_grad(lambda z: -y @ log_softmax(z), z)
ok = check("dL/dz = yhat - y  (one-hot y)", G, yhat - y)

y2 = np.array([0.0, 1.0, 1.0, 0.0])  # sums to 2: the shortcut no longer holds
G2 = num_grad(lambda z: -y2 @ log_softmax(z), z)
ok &= check("sum(y) = 2: dL/dz = yhat - y", G2, yhat - y2, expect=False)
ok &= check("sum(y) = 2: dL/dz = sum(y) yhat - y", G2, y2.sum() * yhat - y2)

k = 3
zs = sp.Matrix(sp.MatrixSymbol("z", k, 1))
ys_hat = zs.applyfunc(sp.exp) / sum(sp.exp(zi) for zi in zs)
y_onehot = sp.Matrix([0, 1, 0])
Ls = -(y_onehot.T * ys_hat.applyfunc(sp.log))[0]
ok &= check_zero("SymPy: dL/dz - (yhat - y)", Ls.diff(zs) - (ys_hat - y_onehot))

sys.exit(0 if ok else 1)
