"""Generalized inverses: A G A = A for a family of G built from A^+, and the solutions they give."""
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

rng = np.random.default_rng(198)
m, n, r = 5, 6, 3
A = rank_r(rng, m, n, r)
Ap = pinv(A)
Z, u = rng.standard_normal((n, m)), rng.standard_normal(n)
G = Ap + Z - Ap @ A @ Z @ A @ Ap
ok = check("A G A = A", A @ G @ A, A)
ok &= check("A G (A u) = A u  (a solution of a consistent system)", A @ G @ (A @ u), A @ u)
ok &= check("G A G = G  (the second Penrose condition)", G @ A @ G, G, expect=False)
ok &= check("G = A^+ when Z = 0", Ap + 0 * Z - Ap @ A @ (0 * Z) @ A @ Ap, Ap)

sys.exit(0 if ok else 1)
