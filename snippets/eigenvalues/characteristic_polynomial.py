"""The characteristic polynomial (Matrix Cookbook (289), (290)): det(S - lambda_i I) = 0;
det(c I - A) = c^3 - Tr(A) c^2 + (Tr(A)^2 - Tr(A^2))/2 c - det(A) for 3 x 3, while the printed
det(A - c I) has the opposite sign; Cayley-Hamilton for 2 x 2 and 3 x 3, also symbolically."""
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


inv, det, tr = np.linalg.inv, np.linalg.det, np.trace

rng = np.random.default_rng(290)
M = rng.standard_normal((5, 5))
S = M + M.T
ok = True
for lam_i in np.linalg.eigvalsh(S):
    ok &= check(f"det(S - {lam_i:+.3f} I) = 0", det(S - lam_i * np.eye(5)), 0.0, tol=1e-9)

A, c = rng.standard_normal((3, 3)), 0.8
g2 = (tr(A) ** 2 - tr(A @ A)) / 2
poly = c**3 - tr(A) * c**2 + g2 * c - det(A)
ok &= check("det(c I - A) = c^3 - g1 c^2 + g2 c - g3", det(c * np.eye(3) - A), poly)
ok &= check("det(A - c I) = the same (printed form, n = 3)", det(A - c * np.eye(3)), poly, expect=False)
minors = sum(det(A[np.ix_(p, p)]) for p in ([0, 1], [0, 2], [1, 2]))
ok &= check("g2 = sum of the 2 x 2 principal minors", g2, minors)
ok &= check("A^3 - g1 A^2 + g2 A - g3 I = 0", A @ A @ A - tr(A) * A @ A + g2 * A - det(A) * np.eye(3), np.zeros((3, 3)), tol=1e-9)
B = rng.standard_normal((2, 2))
ok &= check("B^2 - Tr(B) B + det(B) I = 0", B @ B - tr(B) * B + det(B) * np.eye(2), np.zeros((2, 2)), tol=1e-9)

As = sp.Matrix(sp.MatrixSymbol("a", 3, 3))
cs = sp.Symbol("c")
g2s = (As.trace() ** 2 - (As * As).trace()) / 2
sym1 = sp.expand((cs * sp.eye(3) - As).det() - (cs**3 - As.trace() * cs**2 + g2s * cs - As.det())) == 0
sym2 = sp.expand(As**3 - As.trace() * As**2 + g2s * As - As.det() * sp.eye(3)) == sp.zeros(3, 3)
print(f"{'sympy: det(c I - A) polynomial, symbolic 3 x 3':<58} {'ok' if sym1 else 'FAIL'}   exact")
print(f"{'sympy: Cayley-Hamilton, symbolic 3 x 3':<58} {'ok' if sym2 else 'FAIL'}   exact")
ok &= sym1 and sym2

sys.exit(0 if ok else 1)
