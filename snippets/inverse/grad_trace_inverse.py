"""Gradients of traces of the inverse, for a non-symmetric invertible X:
d Tr(A X^{-1})/dX = -X^{-T} A^T X^{-T},  d Tr(A X^{-1} B)/dX = -X^{-T} A^T B^T X^{-T},
d Tr(X^{-1})/dX = -X^{-T} X^{-T}.
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


rng = np.random.default_rng(11)
n = 5
X = rng.standard_normal((n, n)) + n * np.eye(n)
A, B = rng.standard_normal((n, n)), rng.standard_normal((n, n))
inv = np.linalg.inv
XiT = inv(X).T

ok = check("d Tr(A X^{-1})/dX = -X^{-T} A^T X^{-T}", num_grad(lambda X: np.trace(A @ inv(X)), X),
           -XiT @ A.T @ XiT)
ok &= check("d Tr(A X^{-1})/dX = -X^{-1} A X^{-1}  (not transposed)",
            num_grad(lambda X: np.trace(A @ inv(X)), X), -inv(X) @ A @ inv(X), expect=False)
ok &= check("d Tr(A X^{-1} B)/dX = -X^{-T} A^T B^T X^{-T}",
            num_grad(lambda X: np.trace(A @ inv(X) @ B), X), -XiT @ A.T @ B.T @ XiT)
ok &= check("d Tr(X^{-1})/dX = -X^{-T} X^{-T}", num_grad(lambda X: np.trace(inv(X)), X), -XiT @ XiT)

sys.exit(0 if ok else 1)
