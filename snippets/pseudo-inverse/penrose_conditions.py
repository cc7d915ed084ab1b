"""The four Penrose conditions for a rank-deficient matrix, numerically and exactly (SymPy)."""
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

import sympy as sp

rng = np.random.default_rng(1955)
m, n, r = 5, 4, 2
A = rank_r(rng, m, n, r)
Ap = pinv(A)
ok = check("rank of A is r = 2 (below both sizes)", np.linalg.matrix_rank(A), r)
ok &= check("A A^+ A = A", A @ Ap @ A, A)
ok &= check("A^+ A A^+ = A^+", Ap @ A @ Ap, Ap)
ok &= check("(A A^+)^T = A A^+", (A @ Ap).T, A @ Ap)
ok &= check("(A^+ A)^T = A^+ A", (Ap @ A).T, Ap @ A)
# The conditions pin A^+ down: a matrix that meets only the first one is not A^+.
Z = rng.standard_normal((n, m))
G = Ap + Z - Ap @ A @ Z @ A @ Ap
ok &= check("G := A^+ + Z - A^+ A Z A A^+ satisfies A G A = A", A @ G @ A, A)
ok &= check("... but G is not A^+ (conditions II-IV fail)", G, Ap, expect=False)

# Exactly, with rational entries: SymPy's pinv of a rank-1 integer matrix.
As = sp.Matrix([[1, 2, 0], [2, 4, 0], [3, 6, 0], [1, 2, 0]])
Ps = As.pinv()
exact = [As * Ps * As - As, Ps * As * Ps - Ps, (As * Ps).T - As * Ps, (Ps * As).T - Ps * As]
same = all(sp.simplify(e) == sp.zeros(*e.shape) for e in exact)
print(f"{'SymPy: the four conditions hold exactly':<60} {'ok' if same else 'FAIL'}")
ok &= same
ok &= check("SymPy's A^+ equals NumPy's", np.array(Ps, dtype=float), pinv(np.array(As, dtype=float)))

sys.exit(0 if ok else 1)
