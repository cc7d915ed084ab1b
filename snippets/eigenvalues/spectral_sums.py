"""Traces, norms and determinants from the eigenvalues (Matrix Cookbook (284)): Tr(S^k) = sum lambda_i^k,
||S||_F^2 = sum lambda_i^2; for an spd P, ||P||_* = Tr(P) and log det P = sum log mu_i."""
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

rng = np.random.default_rng(284)
n = 6
M = rng.standard_normal((n, n))
S = M + M.T
P = M @ M.T + n * np.eye(n)
lam, mu = np.linalg.eigvalsh(S), np.linalg.eigvalsh(P)
ok = True
for k in (1, 2, 3, 4):
    ok &= check(f"Tr(S^{k}) = sum lambda_i^{k}", tr(np.linalg.matrix_power(S, k)), np.sum(lam**k))
ok &= check("||S||_F^2 = sum lambda_i^2", np.linalg.norm(S, "fro") ** 2, np.sum(lam**2))
ok &= check("||P||_* = Tr(P)", np.linalg.norm(P, "nuc"), tr(P))
ok &= check("||S||_* = Tr(S) for an indefinite S (it is not)", np.linalg.norm(S, "nuc"), tr(S), expect=False)
ok &= check("log det P = sum log mu_i", np.log(det(P)), np.sum(np.log(mu)))

sys.exit(0 if ok else 1)
