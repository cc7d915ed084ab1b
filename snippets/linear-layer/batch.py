"""A batch through a linear layer, Y = X W + 1 b^T (examples as rows), upstream gradient G = dL/dY:
dL/dW = X^T G, dL/dX = G W^T, dL/db = G^T 1 (the column sums of G)."""
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


rng = np.random.default_rng(61)
N, d, k = 6, 4, 3
X, W, b = rng.standard_normal((N, d)), rng.standard_normal((d, k)), rng.standard_normal(k)
C = rng.standard_normal((N, k))
L_of_Y = lambda Y: np.sum(C * np.tanh(Y)) + 0.1 * np.sum(Y ** 3)
dL_dY = lambda Y: C * (1 - np.tanh(Y) ** 2) + 0.3 * Y ** 2
forward = lambda X, W, b: X @ W + np.ones((N, 1)) @ b[None, :]
G = dL_dY(forward(X, W, b))

ok = check("dL/dW = X^T G", num_grad(lambda W: L_of_Y(forward(X, W, b)), W), X.T @ G)
ok &= check("dL/dX = G W^T", num_grad(lambda X: L_of_Y(forward(X, W, b)), X), G @ W.T)
ok &= check("dL/db = G^T 1", num_grad(lambda b: L_of_Y(forward(X, W, b)), b), G.T @ np.ones(N))
ok &= check("= sum over examples of g_i x_i^T", X.T @ G, sum(np.outer(X[i], G[i]) for i in range(N)))

sys.exit(0 if ok else 1)
