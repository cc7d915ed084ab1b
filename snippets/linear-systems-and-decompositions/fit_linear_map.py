"""Fitting a linear map (Matrix Cookbook (269)): A = B1 B0^T (B0 B0^T)^{-1} minimizes
||A B0 - B1||_F^2 and satisfies the normal equations (A B0 - B1) B0^T = 0."""
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

rng = np.random.default_rng(269)
n, N = 3, 8
B0, B1 = rng.standard_normal((n, N)), rng.standard_normal((n, N))
A = B1 @ B0.T @ inv(B0 @ B0.T)
ok = check("(A B0 - B1) B0^T = 0", (A @ B0 - B1) @ B0.T, np.zeros((n, n)), tol=1e-9)
ok &= check("A = B1 B0^+", A, B1 @ pinv(B0))
ok &= check("A = lstsq(B0^T, B1^T)^T", A, np.linalg.lstsq(B0.T, B1.T, rcond=None)[0].T)

sys.exit(0 if ok else 1)
