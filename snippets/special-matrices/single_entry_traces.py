"""Traces and quadratic forms with single-entry matrices, Matrix Cookbook (450)-(455)."""
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


def J(rows, cols, i, j):
    """The single-entry matrix: 1 at (i, j), zeros elsewhere (0-based indices)."""
    out = np.zeros((rows, cols))
    out[i, j] = 1.0
    return out


rng = np.random.default_rng(450)
n, m = 4, 3
ok = True
A = rng.standard_normal((n, m))
i, j = 2, 1          # J^{ij} is m x n
ok &= check("Tr(A J^{ij}) = (A^T)_ij  (450)", np.trace(A @ J(m, n, i, j)), A.T[i, j])
ok &= check("Tr(J^{ij} A) = (A^T)_ij  (450)", np.trace(J(m, n, i, j) @ A), A.T[i, j])
ok &= check("Tr(A J^{ij}) = A_ij  (transpose forgotten)", np.trace(A @ J(m, n, i, j)), A[i, j], expect=False)
An, B, x = rng.standard_normal((n, n)), rng.standard_normal((m, n)), rng.standard_normal(n)
i, j = 3, 2          # K^{ij} is n x m
ok &= check("Tr(A K^{ij} B) = (A^T B^T)_ij  (451)", np.trace(An @ J(n, m, i, j) @ B), (An.T @ B.T)[i, j])
i, j = 1, 3          # K^{ji} is n x m: j < n, i < m
ok &= check("Tr(A K^{ji} B) = (B A)_ij  (452)", np.trace(An @ J(n, m, j, i) @ B), (B @ An)[i, j])
i, j = 3, 2
ok &= check("x^T A K^{ij} B x = (A^T x x^T B^T)_ij  (454)", x @ An @ J(n, m, i, j) @ B @ x, (An.T @ np.outer(x, x) @ B.T)[i, j])
A, B = rng.standard_normal((n, n)), rng.standard_normal((n, n))
for i, j, k, l in [(0, 1, 2, 3), (3, 3, 1, 0), (2, 0, 0, 2)]:
    ok &= check(f"Tr(A J^{i}{j} B J^{k}{l}) = A_li B_jk", np.trace(A @ J(n, n, i, j) @ B @ J(n, n, k, l)), A[l, i] * B[j, k])
for i, j in [(1, 1), (1, 2)]:
    JJ = J(n, n, i, j) @ J(n, n, i, j)
    ok &= check(f"Tr(A J J B) = delta_ij (A^T B^T)_ij, (i, j) = ({i}, {j})  (453)", np.trace(A @ JJ @ B), (i == j) * (A.T @ B.T)[i, j])
    ok &= check(f"x^T A J J B x = delta_ij (A^T x x^T B^T)_ij  (455)", x @ A @ JJ @ B @ x, (i == j) * (A.T @ np.outer(x, x) @ B.T)[i, j])
sys.exit(0 if ok else 1)
