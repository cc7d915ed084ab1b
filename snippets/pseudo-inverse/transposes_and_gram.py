"""Transposes, scalar factors and Gram matrices (Cookbook 199, 200, 205-209), for a rank-deficient matrix."""
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

rng = np.random.default_rng(199)
m, n, r = 6, 5, 3
A = rank_r(rng, m, n, r)
Ap, c = pinv(A), -1.7
ok = check("(A^+)^+ = A", pinv(Ap), A)
ok &= check("(A^T)^+ = (A^+)^T", pinv(A.T), Ap.T)
ok &= check("(c A)^+ = (1/c) A^+", pinv(c * A), Ap / c)
ok &= check("A^+ = (A^T A)^+ A^T", Ap, pinv(A.T @ A) @ A.T)
ok &= check("A^+ = A^T (A A^T)^+", Ap, A.T @ pinv(A @ A.T))
ok &= check("(A^T A)^+ = A^+ (A^T)^+", pinv(A.T @ A), Ap @ pinv(A.T))
ok &= check("(A A^T)^+ = (A^T)^+ A^+", pinv(A @ A.T), pinv(A.T) @ Ap)
ok &= check("(A^T A)^+ = (A^T)^+ A^+  (order swapped)", pinv(A.T @ A), pinv(A.T) @ Ap, expect=False)
X = rng.standard_normal((m, n))
ok &= check("tall X: (X^T X)^{-1} = X^+ (X^+)^T", inv(X.T @ X), pinv(X) @ pinv(X).T)

sys.exit(0 if ok else 1)
