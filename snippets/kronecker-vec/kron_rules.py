"""(A kron B)(C kron D) = AC kron BD, (A kron B)^T = A^T kron B^T, (E kron F)^{-1} = E^{-1} kron F^{-1},
Tr(E kron F) = Tr(E) Tr(F)."""
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


rng = np.random.default_rng(53)
m, n, p, q, k, r = 2, 3, 4, 2, 3, 5
A, B = rng.standard_normal((m, n)), rng.standard_normal((p, q))
C, D = rng.standard_normal((n, k)), rng.standard_normal((q, r))
E, F = rng.standard_normal((3, 3)) + 3 * np.eye(3), rng.standard_normal((4, 4)) + 4 * np.eye(4)
kron, inv = np.kron, np.linalg.inv

ok = check("(A kron B)(C kron D) = AC kron BD", kron(A, B) @ kron(C, D), kron(A @ C, B @ D))
ok &= check("(A kron B)^T = A^T kron B^T", kron(A, B).T, kron(A.T, B.T))
ok &= check("(A kron B)^T = B^T kron A^T  (order kept!)", kron(A, B).T, kron(B.T, A.T), expect=False)
ok &= check("(E kron F)^{-1} = E^{-1} kron F^{-1}", inv(kron(E, F)), kron(inv(E), inv(F)))
ok &= check("Tr(E kron F) = Tr(E) Tr(F)", np.trace(kron(E, F)), np.trace(E) * np.trace(F))

sys.exit(0 if ok else 1)
