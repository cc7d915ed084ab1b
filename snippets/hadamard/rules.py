"""Rules of the Hadamard (entrywise) product: commutative, associative, distributive, scalars move
out, transposes factor by factor, the matrix of ones is its identity (not the identity matrix)."""
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


rng = np.random.default_rng(1)
m, n = 3, 4
A, B, C = (rng.standard_normal((m, n)) for _ in range(3))
c = 1.7
ones = np.ones((m, n))

ok = check("A o B = B o A", A * B, B * A)
ok &= check("A o (B o C) = (A o B) o C", A * (B * C), (A * B) * C)
ok &= check("A o (B + C) = A o B + A o C", A * (B + C), A * B + A * C)
ok &= check("(cA) o B = c (A o B)", (c * A) * B, c * (A * B))
ok &= check("(A o B)^T = A^T o B^T", (A * B).T, A.T * B.T)
ok &= check("A o (1 1^T) = A", A * ones, A)
S = rng.standard_normal((n, n))
ok &= check("S o I = S: the identity is not the unit", S * np.eye(n), S, expect=False)

sys.exit(0 if ok else 1)
