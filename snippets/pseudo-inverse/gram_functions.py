"""Matrix functions of A^T A and A A^T tied by the pseudo-inverse (Cookbook 215, 216)."""
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

def matfun(S, f):
    """f of a symmetric matrix through its eigendecomposition."""
    lam, V = np.linalg.eigh(S)
    return (V * f(lam)) @ V.T


rng = np.random.default_rng(215)
m, n, r = 5, 4, 2
A = 0.6 * rank_r(rng, m, n, r)
Ap = pinv(A)
E1, E2 = matfun(A.T @ A, np.exp), matfun(A @ A.T, np.exp)
ok = check("expm(A^T A) - I = A^+ (expm(A A^T) - I) A", E1 - np.eye(n), Ap @ (E2 - np.eye(m)) @ A)
ok &= check("expm(A A^T) - I = A (expm(A^T A) - I) A^+", E2 - np.eye(m), A @ (E1 - np.eye(n)) @ Ap)
ok &= check("without removing f(0) I", E1, Ap @ E2 @ A, expect=False)
S1, S2 = matfun(A.T @ A, np.sin), matfun(A @ A.T, np.sin)
ok &= check("sinm(A^T A) = A^+ sinm(A A^T) A", S1, Ap @ S2 @ A)
# the same exponential by its power series (30 terms), independently of the eigendecomposition
term, series = np.eye(n), np.eye(n)
for j in range(1, 30):
    term = term @ (A.T @ A) / j
    series = series + term
ok &= check("expm(A^T A) by eigendecomposition = by power series", E1, series)

sys.exit(0 if ok else 1)
