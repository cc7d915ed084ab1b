"""The polarization identity: a symmetric matrix is determined by its quadratic form, while a
skew-symmetric matrix has a quadratic form that vanishes everywhere."""
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

rng = np.random.default_rng(271)
n = 5
M = rng.standard_normal((n, n))
S, K = M + M.T, M - M.T
u, w = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
q = lambda A, x: (x.T @ A @ x).item()
ok = check("u^T S w = ((u+w)^T S (u+w) - (u-w)^T S (u-w)) / 4", (u.T @ S @ w).item(), (q(S, u + w) - q(S, u - w)) / 4)
ok &= check("the same for a non-symmetric M (it fails)", (u.T @ M @ w).item(), (q(M, u + w) - q(M, u - w)) / 4, expect=False)
ok &= check("u^T K u = 0 for a skew-symmetric K", q(K, u), 0.0, tol=1e-9)

sys.exit(0 if ok else 1)
