"""Simple linear regression (Matrix Cookbook (260)): the closed-form slope and intercept satisfy
the two normal equations, and agree with numpy's least-squares fit of a line."""
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


vec = lambda M: M.reshape(-1, 1, order="F")  # stack the columns (Fortran order)
inv, det, pinv = np.linalg.inv, np.linalg.det, np.linalg.pinv

rng = np.random.default_rng(260)
N = 9
x, y = rng.standard_normal(N), rng.standard_normal(N)
one = np.ones(N)
Rxx, Rx1, R11, Rxy, Ry1 = x @ x, x @ one, float(N), x @ y, y @ one
den = Rxx * R11 - Rx1**2
a = (R11 * Rxy - Rx1 * Ry1) / den
b = (Rxx * Ry1 - Rx1 * Rxy) / den

ok = check("R_xx a + R_x1 b = R_xy", Rxx * a + Rx1 * b, Rxy)
ok &= check("R_x1 a + R_11 b = R_y1", Rx1 * a + R11 * b, Ry1)
ok &= check("(a, b) = lstsq fit of y on [x, 1]", [a, b], np.linalg.lstsq(np.column_stack([x, one]), y, rcond=None)[0])
ok &= check("(a, b) = [[R_xx, R_x1], [R_x1, R_11]]^{-1} [R_xy, R_y1]", [a, b],
            inv(np.array([[Rxx, Rx1], [Rx1, R11]])) @ np.array([Rxy, Ry1]))
ok &= check("the gradient of the squared error vanishes at (a, b)",
            [-2 * x @ (y - a * x - b), -2 * one @ (y - a * x - b)], [0.0, 0.0], tol=1e-9)

sys.exit(0 if ok else 1)
