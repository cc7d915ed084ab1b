"""Squared error of a linear layer against targets T: with R = X W + 1 b^T - T,
d ||R||_F^2/dW = 2 X^T R and d ||R||_F^2/db = 2 R^T 1."""
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


rng = np.random.default_rng(62)
N, d, k = 7, 3, 2
X, W, b = rng.standard_normal((N, d)), rng.standard_normal((d, k)), rng.standard_normal(k)
T = rng.standard_normal((N, k))
loss = lambda W, b: np.sum((X @ W + b - T) ** 2)  # b broadcasts over rows: 1 b^T
R = X @ W + b - T

ok = check("d ||X W + 1 b^T - T||_F^2/dW = 2 X^T R", num_grad(lambda W: loss(W, b), W), 2 * X.T @ R)
ok &= check("d ||X W + 1 b^T - T||_F^2/db = 2 R^T 1", num_grad(lambda b: loss(W, b), b), 2 * R.T @ np.ones(N))

sys.exit(0 if ok else 1)
