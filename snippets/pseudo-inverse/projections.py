"""The projections A A^+ and A^+ A and their complements (Cookbook 217-220), for a rank-deficient matrix."""
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


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

rng = np.random.default_rng(217)
m, n, r = 6, 5, 3
A = rank_r(rng, m, n, r)
Ap = pinv(A)
Pc, Pr = A @ Ap, Ap @ A                   # onto the column space and onto the row space
ok = check("(A A^+)(A A^+) = A A^+", Pc @ Pc, Pc)
ok &= check("(A^+ A)(A^+ A) = A^+ A", Pr @ Pr, Pr)
ok &= check("Tr(A A^+) = r", tr(Pc), r)
ok &= check("Tr(A^+ A) = r", tr(Pr), r)
ok &= check("Tr(A A^+) = rank(A)", tr(Pc), np.linalg.matrix_rank(A))
Qc = np.eye(m) - Pc
ok &= check("(I - A A^+)(I - A A^+) = I - A A^+", Qc @ Qc, Qc)
ok &= check("(I - A A^+) A = 0", Qc @ A, np.zeros((m, n)))
ok &= check("A (I - A^+ A) = 0", A @ (np.eye(n) - Pr), np.zeros((m, n)))
ok &= check("A^+ (I - A A^+) = 0", Ap @ Qc, np.zeros((n, m)))
ok &= check("A A^+ = I  (not for a rank-deficient A)", Pc, np.eye(m), expect=False)

sys.exit(0 if ok else 1)
