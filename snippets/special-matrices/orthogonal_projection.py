"""Orthogonal projections: the hat matrix and the residual maker, Matrix Cookbook (426)."""
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


rng = np.random.default_rng(426)
n, r = 6, 2
A, y = rng.standard_normal((n, r)), rng.standard_normal(n)
H = A @ np.linalg.inv(A.T @ A) @ A.T
P = np.eye(n) - H
ok = check("P P = P", P @ P, P)
ok &= check("P^T = P", P.T, P)
ok &= check("H H = H", H @ H, H)
ok &= check("P A = 0  (residuals orthogonal to the columns)", P @ A + 1.0, np.ones((n, r)))
ok &= check("H A = A", H @ A, A)
ok &= check("H P = 0", H @ P + 1.0, np.ones((n, n)))
ok &= check("||y||^2 = ||H y||^2 + ||P y||^2", y @ y, (H @ y) @ (H @ y) + (P @ y) @ (P @ y))
ok &= check("Tr(H) = r", np.trace(H), r)
ok &= check("Tr(P) = n - r", np.trace(P), n - r)
ok &= check("P^+ = P  (426)", np.linalg.pinv(P), P)
ok &= check("least squares: H y = A w with w = (A^T A)^{-1} A^T y", H @ y, A @ np.linalg.lstsq(A, y, rcond=None)[0])
ok &= check("Tr(P) = n  (rank forgotten)", np.trace(P), n, expect=False)
sys.exit(0 if ok else 1)
