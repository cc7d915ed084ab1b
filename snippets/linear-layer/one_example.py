"""A linear layer y = W x + b for one example, with upstream gradient g = dL/dy:
dL/dW = g x^T, dL/db = g, dL/dx = W^T g. L is a nonlinear stand-in for "the rest of the network"."""
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


rng = np.random.default_rng(60)
n, k = 4, 3
x, W, b = rng.standard_normal(n), rng.standard_normal((k, n)), rng.standard_normal(k)
c = rng.standard_normal(k)
L_of_y = lambda y: np.sum(c * np.sin(y)) + 0.5 * y @ y   # the rest of the network
dL_dy = lambda y: c * np.cos(y) + y
g = dL_dy(W @ x + b)

gW = num_grad(lambda W: L_of_y(W @ x + b), W)
ok = check("dL/dW = g x^T", gW, np.outer(g, x))
ok &= check("dL/dW = x g^T  (transposed: wrong shape)", gW, np.outer(x, g), expect=False)
ok &= check("dL/db = g", num_grad(lambda b: L_of_y(W @ x + b), b), g)
ok &= check("dL/dx = W^T g", num_grad(lambda x: L_of_y(W @ x + b), x), W.T @ g)

sys.exit(0 if ok else 1)
