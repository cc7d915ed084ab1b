"""The Frobenius norm: ||X||_F^2 = Tr(X^T X) = vec(X)^T vec(X); d ||X||_F^2/dX = 2X;
d ||X||_F/dX = X / ||X||_F.
"""
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


rng = np.random.default_rng(30)
m, n = 3, 5
X = rng.standard_normal((m, n))
fro = lambda X: np.linalg.norm(X, "fro")
vec = lambda X: X.reshape(-1, 1, order="F")  # stack the columns

ok = check("||X||_F^2 = Tr(X^T X)", fro(X) ** 2, np.trace(X.T @ X))
ok &= check("||X||_F^2 = vec(X)^T vec(X)", fro(X) ** 2, (vec(X).T @ vec(X)).item())
ok &= check("d ||X||_F^2/dX = 2X", num_grad(lambda X: fro(X) ** 2, X), 2 * X)
ok &= check("d ||X||_F/dX = X / ||X||_F", num_grad(fro, X), X / fro(X))

sys.exit(0 if ok else 1)
