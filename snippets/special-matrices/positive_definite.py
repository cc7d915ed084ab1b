"""Positive definite matrices: identities behind the definitions."""
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


rng = np.random.default_rng(439)
n, m = 4, 3
A, B, x = rng.standard_normal((n, n)), rng.standard_normal((n, m)), rng.standard_normal(n)
G = rng.standard_normal((n, n))
S = G @ G.T + n * np.eye(n)
ok = check("x^T A x = x^T ((A + A^T)/2) x", x @ A @ x, x @ ((A + A.T) / 2) @ x)
ok &= check("x^T B B^T x = ||B^T x||^2", x @ B @ B.T @ x, np.linalg.norm(B.T @ x) ** 2)
Si = np.linalg.inv(S)
ok &= check("x^T S^{-1} x = (S^{-1} x)^T S (S^{-1} x)", x @ Si @ x, (Si @ x) @ S @ (Si @ x))
ok &= check("eigenvalues of S and of S^{-1} are positive", [np.linalg.eigvalsh(S).min() > 0, np.linalg.eigvalsh(Si).min() > 0],
            [True, True])
ok &= check("B B^T is positive semi-definite (eigenvalues >= 0)", np.linalg.eigvalsh(B @ B.T).min() > -1e-12, True)
ok &= check("x^T A x = x^T A^T A x  (a different matrix)", x @ A @ x, x @ A.T @ A @ x, expect=False)
sys.exit(0 if ok else 1)
