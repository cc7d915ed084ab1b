"""Eigenvalues of I + cS, S - cI, S^{-1}, S^k and S^T S (Matrix Cookbook (285)-(288)): the same
eigenvectors, with the eigenvalues mapped by the same scalar function."""
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

rng = np.random.default_rng(285)
n, c, k = 5, 0.7, 3
M = rng.standard_normal((n, n))
S = M + M.T
lam, V = np.linalg.eigh(S)
I = np.eye(n)
ok = True
for i in (0, n - 1):
    v = V[:, [i]]
    ok &= check(f"(I + c S) v_{i} = (1 + c lambda_{i}) v_{i}", (I + c * S) @ v, (1 + c * lam[i]) * v)
    ok &= check(f"(S - c I) v_{i} = (lambda_{i} - c) v_{i}", (S - c * I) @ v, (lam[i] - c) * v)
    ok &= check(f"S^-1 v_{i} = v_{i} / lambda_{i}", inv(S) @ v, v / lam[i])
    ok &= check(f"S^k v_{i} = lambda_{i}^k v_{i}", np.linalg.matrix_power(S, k) @ v, lam[i] ** k * v)
    ok &= check(f"S^T S v_{i} = S S^T v_{i} = lambda_{i}^2 v_{i}", [S.T @ S @ v, S @ S.T @ v], [lam[i] ** 2 * v] * 2)
ok &= check("eig(I + c S) = 1 + c eig(S)", np.linalg.eigvalsh(I + c * S), 1 + c * lam)
ok &= check("eig(S^-1) = 1 / eig(S) (as sets)", np.sort(np.linalg.eigvalsh(inv(S))), np.sort(1 / lam))
N = rng.standard_normal((n, n))                      # not symmetric: S^T S and S S^T differ
ok &= check("N^T N = N N^T for a non-symmetric N", N.T @ N, N @ N.T, expect=False)
ok &= check("but eig(N^T N) = eig(N N^T)", np.linalg.eigvalsh(N.T @ N), np.linalg.eigvalsh(N @ N.T))

sys.exit(0 if ok else 1)
