"""Matrices do not commute: d F^{-1}/dt = -F^{-1} F' F^{-1} (not -F^{-2} F'), (AD)^{-1} = D^{-1} A^{-1}
(not A^{-1} D^{-1})."""
import sys

import numpy as np


def num_deriv(F, t, h=1e-6):
    """Central difference in a scalar t (entry by entry for a matrix-valued F)."""
    return (np.asarray(F(t + h)) - np.asarray(F(t - h))) / (2 * h)


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


rng = np.random.default_rng(164)
n = 3
A0, A1 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
F = lambda t: A0 + t * A1 + 4 * np.eye(n)
inv = np.linalg.inv
t = 0.3
dFinv = num_deriv(lambda t: inv(F(t)), t)

ok = check("d F^{-1}/dt = -F^{-1} F' F^{-1}", dFinv, -inv(F(t)) @ A1 @ inv(F(t)))
ok &= check("d F^{-1}/dt = -F^{-1} F^{-1} F'  (wrong)", dFinv, -inv(F(t)) @ inv(F(t)) @ A1, expect=False)
A, D = rng.standard_normal((n, n)) + n * np.eye(n), rng.standard_normal((n, n)) + n * np.eye(n)
ok &= check("(AD)^{-1} = D^{-1} A^{-1}", inv(A @ D), inv(D) @ inv(A))
ok &= check("(AD)^{-1} = A^{-1} D^{-1}  (wrong)", inv(A @ D), inv(A) @ inv(D), expect=False)

sys.exit(0 if ok else 1)
