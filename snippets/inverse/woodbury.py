"""Woodbury: (A + U C V)^{-1} = A^{-1} - A^{-1} U (C^{-1} + V A^{-1} U)^{-1} V A^{-1};
Sherman-Morrison: (A + u v^T)^{-1} = A^{-1} - A^{-1} u v^T A^{-1} / (1 + v^T A^{-1} u).
"""
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


rng = np.random.default_rng(14)
n, k = 6, 2
A = rng.standard_normal((n, n)) + n * np.eye(n)
U, V = rng.standard_normal((n, k)), rng.standard_normal((k, n))
C = rng.standard_normal((k, k)) + k * np.eye(k)
u, v = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
inv = np.linalg.inv
Ai = inv(A)

ok = check("Woodbury", inv(A + U @ C @ V), Ai - Ai @ U @ inv(inv(C) + V @ Ai @ U) @ V @ Ai)
ok &= check("Sherman-Morrison", inv(A + u @ v.T), Ai - (Ai @ u @ v.T @ Ai) / (1 + v.T @ Ai @ u).item())
ok &= check("(A + u v^T)^{-1} = A^{-1} - A^{-1} u v^T A^{-1}  (no denominator)",
            inv(A + u @ v.T), Ai - Ai @ u @ v.T @ Ai, expect=False)

sys.exit(0 if ok else 1)
