"""The eigen-decomposition of a symmetric matrix (Matrix Cookbook (293)): S = V diag(lambda) V^T
= sum_i lambda_i v_i v_i^T, and powers, the inverse and the matrix exponential through it."""
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


inv, det, tr = np.linalg.inv, np.linalg.det, np.trace

rng = np.random.default_rng(293)
n, k = 4, 3
M = rng.standard_normal((n, n))
S = M + M.T
lam, V = np.linalg.eigh(S)
ok = check("S = V diag(lambda) V^T", S, V @ np.diag(lam) @ V.T)
ok &= check("S = sum_i lambda_i v_i v_i^T", S, sum(lam[i] * np.outer(V[:, i], V[:, i]) for i in range(n)))
ok &= check("S^k = V diag(lambda)^k V^T", np.linalg.matrix_power(S, k), V @ np.diag(lam**k) @ V.T)
ok &= check("S^{-1} = V diag(lambda)^{-1} V^T", inv(S), V @ np.diag(1 / lam) @ V.T)
expm = sum(np.linalg.matrix_power(S, j) / np.prod(np.arange(1.0, j + 1)) for j in range(60))  # power series
ok &= check("e^S = V diag(exp(lambda)) V^T", expm, V @ np.diag(np.exp(lam)) @ V.T)
ok &= check("e^S = exp(S) entrywise (it is not)", expm, np.exp(S), expect=False)

sys.exit(0 if ok else 1)
