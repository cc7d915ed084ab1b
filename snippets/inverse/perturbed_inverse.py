"""Exact forms behind two approximations: A - A (I + A)^{-1} A for a large A, and (Q + sigma^2 M)^{-1} for a small sigma."""
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

rng = np.random.default_rng(190)
n = 4
B = rng.standard_normal((n, n))
A = B @ B.T + n * np.eye(n)               # symmetric positive definite
I_ = np.eye(n)
lhs = A - A @ inv(I_ + A) @ A
ok = check("A - A (I + A)^{-1} A = A (I + A)^{-1}", lhs, A @ inv(I_ + A))
ok &= check("A (I + A)^{-1} = I - (I + A)^{-1}", A @ inv(I_ + A), I_ - inv(I_ + A))
ok &= check("= I - A^{-1} + A^{-1} (I + A)^{-1}", lhs, I_ - inv(A) + inv(A) @ inv(I_ + A))
big = 1e3 * A                              # large: the dropped term A^{-1} (I + A)^{-1} is about A^{-2}
gap = np.abs(big - big @ inv(I_ + big) @ big - (I_ - inv(big))).max()
ok &= check("large A: I - A^{-1} is off by less than ||A^{-1}||^2", gap < np.linalg.norm(inv(big), 2) ** 2, True)
Q = B @ B.T + np.eye(n)
C = rng.standard_normal((n, n))
M = C @ C.T + np.eye(n)
sigma = 0.8
Qi, R = inv(Q), inv(Q + sigma ** 2 * M)
ok &= check("(Q + s^2 M)^{-1} = ((I + s^2 M Q^{-1}) Q)^{-1}", R, inv((I_ + sigma ** 2 * M @ Qi) @ Q))
ok &= check("= Q^{-1} (I + s^2 M Q^{-1})^{-1}", R, Qi @ inv(I_ + sigma ** 2 * M @ Qi))
ok &= check("= Q^{-1} - s^2 Q^{-1} M Q^{-1} + s^4 Q^{-1} M Q^{-1} M (Q + s^2 M)^{-1}", R,
            Qi - sigma ** 2 * Qi @ M @ Qi + sigma ** 4 * Qi @ M @ Qi @ M @ R)
ok &= check("first order only: Q^{-1} - s^2 Q^{-1} M Q^{-1}", R, Qi - sigma ** 2 * Qi @ M @ Qi, expect=False)

sys.exit(0 if ok else 1)
