"""The eigenvalue equation of a symmetric matrix (Matrix Cookbook (276), (277), (282)):
S v_i = lambda_i v_i, S V = V diag(lambda), V V^T = V^T V = I, and the Rayleigh quotient at an
eigenvector is its eigenvalue."""
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

rng = np.random.default_rng(276)
n = 5
M = rng.standard_normal((n, n))
S = M + M.T
lam, V = np.linalg.eigh(S)
ok = True
for i in range(n):
    v = V[:, [i]]
    ok &= check(f"S v_{i} = lambda_{i} v_{i}", S @ v, lam[i] * v)
    ok &= check(f"(v_{i}^T S v_{i}) / (v_{i}^T v_{i}) = lambda_{i}", (v.T @ S @ v).item() / (v.T @ v).item(), lam[i])
ok &= check("S V = V diag(lambda)", S @ V, V @ np.diag(lam))
ok &= check("S V = diag(lambda) V (wrong side)", S @ V, np.diag(lam) @ V, expect=False)
ok &= check("V V^T = I", V @ V.T, np.eye(n))
ok &= check("V^T V = I", V.T @ V, np.eye(n))

sys.exit(0 if ok else 1)
