"""Left and right inverses: the pseudo-inverse of full-column-rank, full-row-rank, square and vector arguments."""
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

rng = np.random.default_rng(2)
m, n = 6, 4
X = rng.standard_normal((m, n))            # tall, full column rank
ok = check("X^+ = (X^T X)^{-1} X^T", pinv(X), inv(X.T @ X) @ X.T)
ok &= check("X^+ X = I", pinv(X) @ X, np.eye(n))
ok &= check("X X^+ = I  (a projection, not I, for tall X)", X @ pinv(X), np.eye(m), expect=False)
W = rng.standard_normal((n, m))            # wide, full row rank
ok &= check("W^+ = W^T (W W^T)^{-1}", pinv(W), W.T @ inv(W @ W.T))
ok &= check("W W^+ = I", W @ pinv(W), np.eye(n))
S = rng.standard_normal((n, n)) + 2 * np.eye(n)
ok &= check("S^+ = S^{-1}", pinv(S), inv(S))
a = rng.standard_normal((n, 1))
ok &= check("a^+ = a^T / (a^T a)", pinv(a), a.T / (a.T @ a))
ok &= check("a^+ = a^T / ||a||^2", pinv(a), a.T / np.linalg.norm(a) ** 2)

sys.exit(0 if ok else 1)
