"""A sum of sandwiched terms (Matrix Cookbook (275)): vec(sum_k A_k X B_k) = (sum_k B_k^T kron A_k) vec(X),
so X = the inverse of that sum applied to vec(C)."""
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

rng = np.random.default_rng(275)
m, n = 3, 4
A1, A2 = rng.standard_normal((m, m)), rng.standard_normal((m, m))
B1, B2 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
X = rng.standard_normal((m, n))
K = np.kron(B1.T, A1) + np.kron(B2.T, A2)
C = A1 @ X @ B1 + A2 @ X @ B2
ok = check("vec(A1 X B1 + A2 X B2) = (B1^T kron A1 + B2^T kron A2) vec(X)", vec(C), K @ vec(X))
ok &= check("vec(X) = (B1^T kron A1 + B2^T kron A2)^{-1} vec(C)", vec(X), np.linalg.solve(K, vec(C)))
ok &= check("with A_k kron B_k^T (order swapped, it fails)", vec(C),
            (np.kron(A1, B1.T) + np.kron(A2, B2.T)) @ vec(X), expect=False)

sys.exit(0 if ok else 1)
