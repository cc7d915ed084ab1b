"""The pseudo-inverse from a rank factorization A = C D (Cookbook 224) and from the truncated SVD (223)."""
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
    print(f"{label:<60} {verdict}   {detail}")
    return same == expect


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

rng = np.random.default_rng(224)
m, n, r = 6, 5, 3
C = rng.standard_normal((m, r))
D = rng.standard_normal((r, n))
A = C @ D
ok = check("A^+ = D^T (D D^T)^{-1} (C^T C)^{-1} C^T", pinv(A), D.T @ inv(D @ D.T) @ inv(C.T @ C) @ C.T)
U, s, Vt = np.linalg.svd(A)
Ur, sr, Vr = U[:, :r], s[:r], Vt[:r].T     # keep the r nonzero singular values
ok &= check("A^+ = V_r D_r^{-1} U_r^T  (truncated SVD)", pinv(A), Vr @ np.diag(1 / sr) @ Ur.T)
k = min(m, n)                               # inverting the rounding-level ones as well blows up
ok &= check("inverting all singular values (no truncation)", Vt[:k].T @ np.diag(1 / s[:k]) @ U[:, :k].T,
            pinv(A), expect=False)

sys.exit(0 if ok else 1)
