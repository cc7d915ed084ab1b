"""Jacobi's formula: d det F(t)/dt = det(F) Tr(F^{-1} dF/dt), and for a positive definite C(t),
d log det C(t)/dt = Tr(C^{-1} dC/dt): the gradient of a Gaussian-process log marginal likelihood's
log-determinant term with respect to a kernel length scale.
"""
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


rng = np.random.default_rng(5)
n = 4
A0, A1 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
F = lambda t: A0 + np.sin(t) * A1 + t ** 2 * np.eye(n)
dF = lambda t: np.cos(t) * A1 + 2 * t * np.eye(n)
t = 0.7

ok = check("d det F/dt = det(F) Tr(F^{-1} dF/dt)", num_deriv(lambda t: np.linalg.det(F(t)), t),
           np.linalg.det(F(t)) * np.trace(np.linalg.solve(F(t), dF(t))))
ok &= check("d det F/dt = Tr(dF/dt)  (true only at F = I)", num_deriv(lambda t: np.linalg.det(F(t)), t),
            np.trace(dF(t)), expect=False)

# A squared-exponential kernel matrix on 1-D points, with a little noise: C(ell) is positive definite.
x = np.sort(rng.uniform(-2, 2, n))
D2 = (x[:, None] - x[None, :]) ** 2
C = lambda ell: np.exp(-D2 / (2 * ell ** 2)) + 0.1 * np.eye(n)
dC = lambda ell: np.exp(-D2 / (2 * ell ** 2)) * D2 / ell ** 3
ell = 0.8
ok &= check("d log det C/d ell = Tr(C^{-1} dC/d ell)",
            num_deriv(lambda l: np.linalg.slogdet(C(l))[1], ell),
            np.trace(np.linalg.solve(C(ell), dC(ell))))

sys.exit(0 if ok else 1)
