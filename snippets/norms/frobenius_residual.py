"""Residual norms: d ||AX - B||_F^2/dX = 2 A^T (AX - B); d ||XC - D||_F^2/dX = 2 (XC - D) C^T;
d ||AX - B||_F/dX = A^T (AX - B) / ||AX - B||_F.
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


rng = np.random.default_rng(31)
k, m, n, p = 6, 4, 3, 5
X = rng.standard_normal((m, n))
A, B = rng.standard_normal((k, m)), rng.standard_normal((k, n))
C, D = rng.standard_normal((n, p)), rng.standard_normal((m, p))
fro = lambda M: np.linalg.norm(M, "fro")

ok = check("d ||AX - B||_F^2/dX = 2 A^T (AX - B)", num_grad(lambda X: fro(A @ X - B) ** 2, X),
           2 * A.T @ (A @ X - B))
ok &= check("d ||XC - D||_F^2/dX = 2 (XC - D) C^T", num_grad(lambda X: fro(X @ C - D) ** 2, X),
            2 * (X @ C - D) @ C.T)
ok &= check("d ||AX - B||_F/dX = A^T (AX - B) / ||AX - B||_F", num_grad(lambda X: fro(A @ X - B), X),
            A.T @ (A @ X - B) / fro(A @ X - B))

sys.exit(0 if ok else 1)
