"""Appending a column to a regression: the inverse of the new Gram matrix by blocks (Cookbook 3.2.6), Frisch-Waugh-Lovell."""
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

rng = np.random.default_rng(326)
m, n = 7, 3
X, v, y = rng.standard_normal((m, n)), rng.standard_normal(m), rng.standard_normal(m)
K = inv(X.T @ X)
s = v @ v - v @ X @ K @ X.T @ v
ok = check("s = ||(I - X X^+) v||^2", s, np.sum(((np.eye(m) - X @ pinv(X)) @ v) ** 2))
Tb = K + np.outer(K @ X.T @ v, v @ X @ K.T) / s
q = -K @ X.T @ v / s
block = np.block([[Tb, q[:, None]], [q[None, :], np.array([[1 / s]])]])
Xt = np.column_stack([X, v])
ok &= check("the block matrix is (X~^T X~)^{-1}", block, inv(Xt.T @ Xt))
ok &= check("T X^T X + q v^T X = I", Tb @ X.T @ X + np.outer(q, v @ X), np.eye(n))
ok &= check("T X^T v + q v^T v = 0", Tb @ X.T @ v + q * (v @ v), np.zeros(n))
ok &= check("q^T X^T X + v^T X / s = 0", q @ X.T @ X + v @ X / s, np.zeros(n))
ok &= check("q^T X^T v + v^T v / s = 1", q @ X.T @ v + v @ v / s, 1.0)
R = np.eye(m) - X @ pinv(X)
coef = np.linalg.lstsq(Xt, y, rcond=None)[0][-1]
ok &= check("new coefficient = q^T X^T y + v^T y / s", coef, q @ X.T @ y + v @ y / s)
ok &= check("new coefficient = v^T (I - XX^+) y / ||(I - XX^+) v||^2", coef, (v @ R @ y) / np.sum((R @ v) ** 2))
ok &= check("... not the simple regression v^T y / v^T v", coef, (v @ y) / (v @ v), expect=False)

sys.exit(0 if ok else 1)
