"""vec(A o B) = vec(A) o vec(B) = diag(vec(A)) vec(B), and the mixed product of Hadamard and Kronecker
products: (A kron E) o (B kron F) = (A o B) kron (E o F). vec stacks columns (Fortran order)."""
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


rng = np.random.default_rng(4)
m, n, p, q = 3, 4, 2, 5
A, B = rng.standard_normal((m, n)), rng.standard_normal((m, n))
E, F = rng.standard_normal((p, q)), rng.standard_normal((p, q))
vec = lambda M: M.reshape(-1, order="F")

ok = check("vec(A o B) = vec(A) o vec(B)", vec(A * B), vec(A) * vec(B))
ok &= check("vec(A o B) = diag(vec(A)) vec(B)", vec(A * B), np.diag(vec(A)) @ vec(B))
ok &= check("(A kron E) o (B kron F) = (A o B) kron (E o F)", np.kron(A, E) * np.kron(B, F), np.kron(A * B, E * F))

sys.exit(0 if ok else 1)
