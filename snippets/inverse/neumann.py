"""The Neumann series stopped after k terms, with its exact remainder; the errors of I + A + A^2 and I - A + A^2."""
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

rng = np.random.default_rng(186)
n, k = 4, 5
I_ = np.eye(n)
mp = np.linalg.matrix_power
ok = True
# exact for any A with I - A and I + A invertible, not only for a small one
for label, A in [("small A", 0.2 * rng.standard_normal((n, n))), ("any A", rng.standard_normal((n, n)))]:
    S = sum(mp(A, j) for j in range(k))
    Sa = sum((-1) ** j * mp(A, j) for j in range(k))
    ok &= check(f"{label}: (I - A)^-1 = sum_(j<k) A^j + A^k (I - A)^-1", inv(I_ - A), S + mp(A, k) @ inv(I_ - A))
    ok &= check(f"{label}: (I + A)^-1 = alternating sum + (-1)^k A^k (I + A)^-1",
                inv(I_ + A), Sa + (-1) ** k * mp(A, k) @ inv(I_ + A))
    ok &= check(f"{label}: (I - A) sum_(j<k) A^j = I - A^k", (I_ - A) @ S, I_ - mp(A, k))
    ok &= check(f"{label}: (I - A)^-1 - (I + A + A^2) = A^3 (I - A)^-1",
                inv(I_ - A) - (I_ + A + A @ A), mp(A, 3) @ inv(I_ - A))
    ok &= check(f"{label}: (I + A)^-1 - (I - A + A^2) = -A^3 (I + A)^-1",
                inv(I_ + A) - (I_ - A + A @ A), -mp(A, 3) @ inv(I_ + A))
    ok &= check(f"{label}: the truncated sum alone is not the inverse", inv(I_ - A), S, expect=False)

sys.exit(0 if ok else 1)
