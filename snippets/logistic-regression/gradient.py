"""Logistic regression: dL/dz = sigma(z) - y, grad_w L = X^T (sigma(X w) - y)."""
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


rng = np.random.default_rng(91)
N, n = 9, 3
X, w = rng.standard_normal((N, n)), rng.standard_normal(n)
y = rng.integers(0, 2, N).astype(float)
sigma = lambda z: 1 / (1 + np.exp(-z))
loss_z = lambda z: np.sum(np.logaddexp(0, z)) - y @ z

ok = check("dL/dz = sigma(z) - y", num_grad(loss_z, X @ w), sigma(X @ w) - y)
ok &= check("grad_w L = X^T (sigma(X w) - y)", num_grad(lambda w: loss_z(X @ w), w), X.T @ (sigma(X @ w) - y))

sys.exit(0 if ok else 1)
