"""The structure matrix of an unstructured matrix, Matrix Cookbook (457): dA/dA_ij = J^{ij}."""
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


rng = np.random.default_rng(457)
m, n, h = 3, 5, 1e-6
A = rng.standard_normal((m, n))


def f(M):
    """Any matrix function of A; the structure matrix is the derivative of A itself."""
    return M


cases = [(i, j) for i in range(m) for j in range(n)]
fd = np.array([(f(A + h * J(m, n, i, j)) - f(A - h * J(m, n, i, j))) / (2 * h) for i, j in cases])
ok = check("dA/dA_ij = J^{ij}  (finite differences, all 15 entries)  (457)", fd, np.array([J(m, n, i, j) for i, j in cases]))
ok &= check("dA/dA_ij = J^{ji}  (indices swapped, square part)", fd[:3], np.array([J(m, n, j, i) for i, j in cases[:3]]),
            expect=False)
sys.exit(0 if ok else 1)
