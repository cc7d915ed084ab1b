"""The Sylvester equation A X + X B = C (Matrix Cookbook (273)):
vec(A X + X B) = (I kron A + B^T kron I) vec(X), solved by the inverse of that Kronecker sum,
whose eigenvalues are the sums of an eigenvalue of A and one of B."""
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

rng = np.random.default_rng(273)
m, n = 3, 5
A, B, X = rng.standard_normal((m, m)), rng.standard_normal((n, n)), rng.standard_normal((m, n))
K = np.kron(np.eye(n), A) + np.kron(B.T, np.eye(m))
C = A @ X + X @ B
ok = check("vec(A X + X B) = (I kron A + B^T kron I) vec(X)", vec(C), K @ vec(X))
ok &= check("vec(X) = (I kron A + B^T kron I)^{-1} vec(C)", vec(X), np.linalg.solve(K, vec(C)))
ok &= check("with B in place of B^T (it fails)", vec(C), (np.kron(np.eye(n), A) + np.kron(B, np.eye(m))) @ vec(X), expect=False)
sums = np.add.outer(np.linalg.eigvals(A), np.linalg.eigvals(B)).ravel()
ok &= check("eigenvalues of the Kronecker sum = lambda_i(A) + mu_j(B)",
            np.sort_complex(np.linalg.eigvals(K)).view(float), np.sort_complex(sums).view(float), tol=1e-6)

sys.exit(0 if ok else 1)
