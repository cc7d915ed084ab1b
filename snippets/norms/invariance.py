"""Frobenius, spectral and nuclear norms: unchanged by a transpose, scaled by |c|, and invariant under
orthogonal factors on either side (||Q A R|| = ||A||)."""
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


def orthogonal(k, rng):
    q, r = np.linalg.qr(rng.standard_normal((k, k)))
    return q * np.sign(np.diag(r))


rng = np.random.default_rng(41)
m, n = 3, 5
A = rng.standard_normal((m, n))
c = -1.3
Q, R = orthogonal(m, rng), orthogonal(n, rng)
norms = {"F": lambda M: np.linalg.norm(M, "fro"), "2": lambda M: np.linalg.norm(M, 2),
         "*": lambda M: np.linalg.norm(M, "nuc")}

ok = True
for name, f in norms.items():
    ok &= check(f"||A^T||_{name} = ||A||_{name}", f(A.T), f(A))
    ok &= check(f"||c A||_{name} = |c| ||A||_{name}", f(c * A), abs(c) * f(A))
    ok &= check(f"||Q A R||_{name} = ||A||_{name}", f(Q @ A @ R), f(A))
ok &= check("not c ||A||_F for a negative c", norms["F"](c * A), c * norms["F"](A), expect=False)
G = rng.standard_normal((m, m))
ok &= check("a non-orthogonal factor changes the norm", norms["2"](G @ A), norms["2"](A), expect=False)

sys.exit(0 if ok else 1)
