"""Along a path F(t): d F^{-1}/dt = -F^{-1} (dF/dt) F^{-1}, and
d Tr(F^{-1})/dt = -Tr(F^{-1} F^{-1} dF/dt).

The ridge-regression path F(lambda) = X^T X + lambda I is the example: dF/d lambda = I.
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


rng = np.random.default_rng(10)
n = 4
A0, A1 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
F = lambda t: A0 + np.cos(t) * A1 + 3 * np.eye(n)
dF = lambda t: -np.sin(t) * A1
t = 0.4
Fi = np.linalg.inv(F(t))

ok = check("d F^{-1}/dt = -F^{-1} dF/dt F^{-1}", num_deriv(lambda t: np.linalg.inv(F(t)), t),
           -Fi @ dF(t) @ Fi)
ok &= check("d F^{-1}/dt = -F^{-2} dF/dt  (they do not commute)",
            num_deriv(lambda t: np.linalg.inv(F(t)), t), -Fi @ Fi @ dF(t), expect=False)
ok &= check("d Tr(F^{-1})/dt = -Tr(F^{-1} F^{-1} dF/dt)",
            num_deriv(lambda t: np.trace(np.linalg.inv(F(t))), t), -np.trace(Fi @ Fi @ dF(t)))

X = rng.standard_normal((7, n))
G = lambda lam: np.linalg.inv(X.T @ X + lam * np.eye(n))
ok &= check("ridge: d (X^T X + lambda I)^{-1}/d lambda = -(.)^{-2}", num_deriv(G, 0.5),
            -G(0.5) @ G(0.5))

sys.exit(0 if ok else 1)
