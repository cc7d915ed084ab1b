"""Norms of an outer product (all three equal ||x|| ||y||), the spectral norm through a Gram matrix
(||A||_2^2 = ||A^T A||_2 = ||A A^T||_2), the nuclear norm of a positive definite matrix (its trace), and
the Frobenius norm of a symmetric matrix from its eigenvalues."""
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


rng = np.random.default_rng(42)
m, n = 3, 5
A = rng.standard_normal((m, n))
x, y = rng.standard_normal(m), rng.standard_normal(n)
L = rng.standard_normal((n, n))
S = L @ L.T + n * np.eye(n)
M = rng.standard_normal((n, n))
B = M + M.T
fro = lambda Z: np.linalg.norm(Z, "fro")
spec = lambda Z: np.linalg.norm(Z, 2)
nuc = lambda Z: np.linalg.norm(Z, "nuc")
xy = np.outer(x, y)
r = np.linalg.norm(x) * np.linalg.norm(y)

ok = check("||x y^T||_F = ||x|| ||y||", fro(xy), r)
ok &= check("||x y^T||_2 = ||x|| ||y||", spec(xy), r)
ok &= check("||x y^T||_* = ||x|| ||y||", nuc(xy), r)
ok &= check("||A||_2^2 = ||A^T A||_2", spec(A) ** 2, spec(A.T @ A))
ok &= check("||A||_2^2 = ||A A^T||_2", spec(A) ** 2, spec(A @ A.T))
ok &= check("||A||_2^2 = largest eigenvalue of A^T A", spec(A) ** 2, np.linalg.eigvalsh(A.T @ A).max())
ok &= check("||S||_* = Tr(S) for S positive definite", nuc(S), np.trace(S))
ok &= check("||B||_* is not Tr(B) for an indefinite B", nuc(B), np.trace(B), expect=False)
ok &= check("||B||_F^2 = sum of squared eigenvalues", fro(B) ** 2, (np.linalg.eigvalsh(B) ** 2).sum())

sys.exit(0 if ok else 1)
