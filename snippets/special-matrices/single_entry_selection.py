"""Selecting with the single-entry matrix, Matrix Cookbook (444)-(449)."""
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


rng = np.random.default_rng(444)
n, m, p, q = 3, 4, 5, 2
ok = True
A = rng.standard_normal((n, m))
i, j = 2, 3        # J^{ij} is m x p
col = np.zeros((n, p))
col[:, j] = A[:, i]
ok &= check("A J^{ij}: column i of A in column j  (444)", A @ J(m, p, i, j), col)
i, j = 4, 1        # K^{ij} is p x n
row = np.zeros((p, m))
row[i, :] = A[j, :]
ok &= check("K^{ij} A: row j of A in row i  (445)", J(p, n, i, j) @ A, row)
B = rng.standard_normal((p, q))
i, j = 1, 3
ok &= check("A_ki B_jl = (A J^{ij} B)_kl  (446)", np.outer(A[:, i], B[j, :]), A @ J(m, p, i, j) @ B)
A2, B2 = rng.standard_normal((m, n)), rng.standard_normal((q, p))
ok &= check("A_ik B_lj = (A^T J^{ij} B^T)_kl  (447)", np.outer(A2[i, :], B2[:, j]), A2.T @ J(m, p, i, j) @ B2.T)
ok &= check("A_ik B_jl = (A^T J^{ij} B)_kl  (448)", np.outer(A2[i, :], B[j, :]), A2.T @ J(m, p, i, j) @ B)
ok &= check("A_ki B_lj = (A J^{ij} B^T)_kl  (449)", np.outer(A[:, i], B2[:, j]), A @ J(m, p, i, j) @ B2.T)
ok &= check("A_ki B_jl = (A J^{ji} B)_kl  (indices swapped)", np.outer(A[:, i], B[j, :]), A @ J(m, p, j, i) @ B, expect=False)
sys.exit(0 if ok else 1)
