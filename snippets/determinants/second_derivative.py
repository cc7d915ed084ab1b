"""The second derivative of a determinant along a path (Matrix Cookbook (48)), and of log det(F^T F),
against central second differences (five points). F(t) = A + t B + t^2 C / 2, so dF/dt = B + t C and d2F/dt2 = C."""
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


rng = np.random.default_rng(48)
n = 4
A = 3 * np.eye(n) + rng.standard_normal((n, n))
B, C = rng.standard_normal((n, n)), rng.standard_normal((n, n))
t, h = 0.3, 1e-3
F = lambda s: A + s * B + 0.5 * s * s * C
det, inv, tr = np.linalg.det, np.linalg.inv, np.trace


def second(f, s):
    """Central second difference, fourth-order accurate (five points)."""
    return (-f(s + 2 * h) + 16 * f(s + h) - 30 * f(s) + 16 * f(s - h) - f(s - 2 * h)) / (12 * h * h)


Ft, dF, d2F = F(t), B + t * C, C
Fi = inv(Ft)
want = det(Ft) * (tr(Fi @ d2F) + tr(Fi @ dF) ** 2 - tr(Fi @ dF @ Fi @ dF))
ok = check("d2 det(F)/dt2 (Cookbook (48))", second(lambda s: det(F(s)), t), want)
wrong = det(Ft) * (tr(Fi @ d2F) + tr(Fi @ dF) ** 2 + tr(Fi @ dF @ Fi @ dF))
ok &= check("with + before the last trace", second(lambda s: det(F(s)), t), wrong, expect=False)
logdet = lambda s: np.linalg.slogdet(F(s).T @ F(s))[1]
ok &= check("d2 log det(F^T F)/dt2", second(logdet, t), 2 * tr(Fi @ d2F) - 2 * tr(Fi @ dF @ Fi @ dF))

sys.exit(0 if ok else 1)
