"""Weights stored out x in (torch.nn.Linear): Z = X V^T + 1 b^T, so dL/dV = (dL/dZ)^T X and
dL/dX = (dL/dZ) V. The formula for the in x out convention, X^T G, has the transposed shape."""
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


rng = np.random.default_rng(63)
N, d, k = 5, 4, 2
X, V, b = rng.standard_normal((N, d)), rng.standard_normal((k, d)), rng.standard_normal(k)
C = rng.standard_normal((N, k))
L_of_Z = lambda Z: np.sum(C * np.sin(Z))
G = C * np.cos(X @ V.T + b)  # dL/dZ

gV = num_grad(lambda V: L_of_Z(X @ V.T + b), V)
ok = check("dL/dV = G^T X", gV, G.T @ X)
ok &= check("dL/dV = X^T G  (the other convention's)", gV, X.T @ G, expect=False)
ok &= check("dL/dX = G V", num_grad(lambda X: L_of_Z(X @ V.T + b), X), G @ V)

sys.exit(0 if ok else 1)
