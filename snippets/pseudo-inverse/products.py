"""Pseudo-inverses of products (Cookbook 214/221, 222) and where the reverse-order law fails."""
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

rng = np.random.default_rng(221)
m, n, p, q = 3, 4, 5, 2
M, N = rng.standard_normal((m, n)), rng.standard_normal((n, p))
Mp, Np = pinv(M), pinv(N)
ok = check("(M N)^+ = (M^+ M N)^+ (M N N^+)^+", pinv(M @ N), pinv(Mp @ M @ N) @ pinv(M @ N @ Np))
M2, N2 = rank_r(rng, 5, 6, 2), rank_r(rng, 6, 4, 3)   # also with rank-deficient factors
ok &= check("... with rank-deficient factors", pinv(M2 @ N2), pinv(pinv(M2) @ M2 @ N2) @ pinv(M2 @ N2 @ pinv(N2)))
k = 3
X, Z = rng.standard_normal((m + 3, k)), rng.standard_normal((k, p))   # tall times wide
ok &= check("(X Z)^+ = Z^+ X^+  (full column rank times full row rank)", pinv(X @ Z), pinv(Z) @ pinv(X))
P, Q = rng.standard_normal((n + 2, m)), rng.standard_normal((n + 2, p - 1))
ok &= check("(P^T Q)^+ = Q^+ (P^T)^+  (wide times tall)", pinv(P.T @ Q), pinv(Q) @ pinv(P.T), expect=False)
B = rng.standard_normal((p, q))
ok &= check("(M kron B)^+ = M^+ kron B^+", pinv(np.kron(M, B)), np.kron(Mp, pinv(B)))

sys.exit(0 if ok else 1)
