"""Least squares through the pseudo-inverse (Matrix Cookbook (265), (266)): for a tall A of full
column rank, (A^T A)^{-1} A^T b = A^+ b minimizes ||A x - b||^2; for a rank-deficient K the
residual at K^+ b is orthogonal to the columns of K."""
import sys

import numpy as np


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
    print(f"{label:<58} {verdict}   {detail}")
    return same == expect


vec = lambda M: M.reshape(-1, 1, order="F")  # stack the columns (Fortran order)
inv, det, pinv = np.linalg.inv, np.linalg.det, np.linalg.pinv

rng = np.random.default_rng(265)
m, n, k = 7, 4, 2
A, b = rng.standard_normal((m, n)), rng.standard_normal((m, 1))
x = inv(A.T @ A) @ A.T @ b
ok = check("(A^T A)^{-1} A^T b = A^+ b", x, pinv(A) @ b)
ok &= check("= numpy lstsq", x, np.linalg.lstsq(A, b, rcond=None)[0])
f = lambda z: float(np.sum((A @ z - b) ** 2))
h = 1e-6
g = np.array([[(f(x + h * e[:, None]) - f(x - h * e[:, None])) / (2 * h)] for e in np.eye(n)])
ok &= check("finite-difference gradient of ||A x - b||^2 at x is 0", g, np.zeros((n, 1)), tol=1e-6)
ok &= check("A x = b has no exact solution here", A @ x, b, expect=False)

K = rng.standard_normal((m, k)) @ rng.standard_normal((k, n))   # m x n of rank k
ok &= check("K^T (K K^+ b - b) = 0 for a rank-deficient K", K.T @ (K @ pinv(K) @ b - b), np.zeros((n, 1)), tol=1e-9)

sys.exit(0 if ok else 1)
