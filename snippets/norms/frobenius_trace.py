"""The Frobenius norm as a trace: ||A||_F = sqrt(Tr(A A^T)), ||A||_F^2 = Tr(A A^T) = Tr(A^T A) = sum of
squared entries = ||A^T A||_* (the nuclear norm of the Gram matrix); ||x||_2^2 = x^T x."""
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


rng = np.random.default_rng(538)
m, n = 3, 5
A = rng.standard_normal((m, n))
x = rng.standard_normal(m)
fro = np.linalg.norm(A, "fro")
nuc = lambda M: np.linalg.svd(M, compute_uv=False).sum()

ok = check("||A||_F = sqrt(Tr(A A^T))", fro, np.sqrt(np.trace(A @ A.T)))
ok &= check("||A||_F = sqrt(sum_ij A_ij^2)  (Cookbook 541)", fro, np.sqrt((A ** 2).sum()))
ok &= check("||A||_F^2 = Tr(A A^T)", fro ** 2, np.trace(A @ A.T))
ok &= check("||A||_F^2 = Tr(A^T A)", fro ** 2, np.trace(A.T @ A))
ok &= check("||A||_F^2 = sum_ij A_ij^2", fro ** 2, (A ** 2).sum())
ok &= check("||A||_F^2 = ||A^T A||_*", fro ** 2, nuc(A.T @ A))
ok &= check("||A||_F^2 = sum of squared singular values", fro ** 2, (np.linalg.svd(A, compute_uv=False) ** 2).sum())
ok &= check("||x||_2^2 = x^T x", np.linalg.norm(x) ** 2, x @ x)
ok &= check("||x||_2 = ||x||_F (one-column matrix)", np.linalg.norm(x), np.linalg.norm(x.reshape(-1, 1), "fro"))
ok &= check("not the squared sum: ||A||_F^2 is not (sum_ij A_ij)^2", fro ** 2, A.sum() ** 2, expect=False)

sys.exit(0 if ok else 1)
