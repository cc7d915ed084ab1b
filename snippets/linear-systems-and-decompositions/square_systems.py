"""Square systems (Matrix Cookbook (262), (264)): x = A^{-1} b, Cramer's rule with the replaced
column written as A + (b - A e_i) e_i^T, and a rank-deficient square system solved by the
pseudo-inverse when b lies in the range."""
import sympy as sp

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


vec = lambda M: M.reshape(-1, 1, order="F")  # stack the columns (Fortran order)
inv, det, pinv = np.linalg.inv, np.linalg.det, np.linalg.pinv

rng = np.random.default_rng(264)
n, k = 5, 3
A, b = rng.standard_normal((n, n)), rng.standard_normal((n, 1))
x = inv(A) @ b
ok = check("A (A^{-1} b) = b", A @ x, b)

I = np.eye(n)
for i in range(n):
    e = I[:, [i]]
    B = A.copy()
    B[:, i] = b[:, 0]                       # A with its i-th column replaced by b
    ok &= check(f"A + (b - A e_{i}) e_{i}^T is A with column {i} replaced", A + (b - A @ e) @ e.T, B)
    ok &= check(f"x_{i} = det(B_{i}) / det(A)  (Cramer)", x[i, 0], det(B) / det(A))

# Symbolic: Cramer's rule for a general 3 x 3 system, exactly.
As, bs = sp.Matrix(sp.MatrixSymbol("a", 3, 3)), sp.Matrix(sp.symbols("b0:3"))
xs = As.LUsolve(bs)
sym_ok = True
for i in range(3):
    Bs = As.copy()
    Bs[:, i] = bs
    sym_ok &= sp.simplify(xs[i] - Bs.det() / As.det()) == 0
print(f"{'sympy: Cramer rule for a symbolic 3 x 3 system':<58} {'ok' if sym_ok else 'FAIL'}   exact")
ok &= sym_ok

# Rank k < n: M = G H^T, b0 in the range of M, x0 = M^+ b0 solves M x0 = b0.
G, H = rng.standard_normal((n, k)), rng.standard_normal((n, k))
M = G @ H.T
b0 = M @ rng.standard_normal((n, 1))
ok &= check("M is singular (rank k < n)", np.linalg.matrix_rank(M), k)
ok &= check("M (M^+ b0) = b0 for b0 in the range of M", M @ (pinv(M) @ b0), b0)
ok &= check("M (M^+ b) = b for a b outside the range", M @ (pinv(M) @ b), b, expect=False)

sys.exit(0 if ok else 1)
