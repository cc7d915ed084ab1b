"""Symmetric and skew-symmetric parts, Matrix Cookbook (438), (461)-(464)."""
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


rng = np.random.default_rng(461)
n = 4
A, x, y = rng.standard_normal((n, n)), rng.standard_normal(n), rng.standard_normal(n)
S = rng.standard_normal((n, n))
S = S + S.T
As, Ak = (A + A.T) / 2, (A - A.T) / 2
ok = check("A = A_s + A_k  (438, 463, 464)", As + Ak, A)
ok &= check("A_s^T = A_s", As.T, As)
ok &= check("A_k^T = -A_k", Ak.T, -Ak)
ok &= check("x^T A_k x = 0", x @ Ak @ x + 1.0, 1.0)
ok &= check("x^T A x = x^T A_s x", x @ A @ x, x @ As @ x)
ok &= check("x^T A_k y = -y^T A_k x", x @ Ak @ y, -(y @ Ak @ x))
ok &= check("Tr(A_k S) = 0  (S symmetric)", np.trace(Ak @ S) + 1.0, 1.0)
ok &= check("Tr(A S) = Tr(A_s S)", np.trace(A @ S), np.trace(As @ S))
ok &= check("Tr(A_k) = 0", np.trace(Ak) + 1.0, 1.0)
det = np.linalg.det
ok &= check("det(A_k^T) = det(-A_k) = (-1)^n det(A_k)  (461), n = 4", [det(Ak.T), det(-Ak)], [det(Ak), det(Ak)])
B = rng.standard_normal((3, 3))
Bk = (B - B.T) / 2
ok &= check("det(B_k) = det(-B_k) = 0 for n = 3  (462)", [det(Bk) + 1.0, det(-Bk) + 1.0], [1.0, 1.0])
C = rng.standard_normal((5, 5))
Ck = (C - C.T) / 2
ok &= check("det(C_k^T) = -det(C_k)  (461), n = 5", det(Ck.T) + 1.0, -det(Ck) + 1.0)
ok &= check("x^T A x = x^T A_k x  (the wrong part)", x @ A @ x, x @ Ak @ x, expect=False)
sys.exit(0 if ok else 1)
