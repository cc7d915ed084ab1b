"""(C kron D) vec(Y) = vec(D Y C^T): apply a Kronecker product without forming it."""
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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(51)
r, s, k, l = 3, 4, 2, 5
C, D, Y = rng.standard_normal((r, s)), rng.standard_normal((k, l)), rng.standard_normal((l, s))
vec = lambda M: M.reshape(-1, order="F")

ok = check("(C kron D) vec(Y) = vec(D Y C^T)", np.kron(C, D) @ vec(Y), vec(D @ Y @ C.T))

sys.exit(0 if ok else 1)
