"""Tr(A^T B) = vec(A)^T vec(B) = sum of the entrywise products (the Frobenius inner product)."""
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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(52)
m, n = 3, 5
A, B = rng.standard_normal((m, n)), rng.standard_normal((m, n))
vec = lambda M: M.reshape(-1, order="F")

ok = check("Tr(A^T B) = vec(A)^T vec(B)", np.trace(A.T @ B), vec(A) @ vec(B))
ok &= check("Tr(A^T B) = sum(A * B)", np.trace(A.T @ B), np.sum(A * B))

sys.exit(0 if ok else 1)
