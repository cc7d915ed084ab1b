"""Solving A X B = C: vec(X) = (B^T kron A)^{-1} vec(C) = vec(A^{-1} C B^{-1})."""
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

rng = np.random.default_rng(520)
m, n = 3, 4
A, B, X = rng.standard_normal((m, m)), rng.standard_normal((n, n)), rng.standard_normal((m, n))
C = A @ X @ B
ok = check("vec(X) = (B^T kron A)^{-1} vec(C)", vec(X), inv(np.kron(B.T, A)) @ vec(C))
ok &= check("= vec(A^{-1} C B^{-1})", vec(X), vec(inv(A) @ C @ inv(B)))
ok &= check("(B kron A)^{-1} vec(C) (transpose missing)", vec(X), inv(np.kron(B, A)) @ vec(C), expect=False)

sys.exit(0 if ok else 1)
