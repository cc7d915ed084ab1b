"""Reflections (orthogonal and symmetric), Matrix Cookbook (430)-(433)."""
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
    print(f"{label:<60} {verdict}   {detail}")
    return same == expect


def J(rows, cols, i, j):
    """The single-entry matrix: 1 at (i, j), zeros elsewhere (0-based indices)."""
    out = np.zeros((rows, cols))
    out[i, j] = 1.0
    return out


rng = np.random.default_rng(432)
n = 5
u = rng.standard_normal(n)
I = np.eye(n)
R = I - 2 / (u @ u) * np.outer(u, u)
ok = check("R^T R = I  (430)", R.T @ R, I)
ok &= check("R = R^T  (431)", R, R.T)
for k in range(1, 6):
    Rk = np.linalg.matrix_power(R, k)
    ok &= check(f"R^{k} = (1 + (-1)^k)/2 I + (1 + (-1)^(k+1))/2 R  (432)", Rk,
                (1 + (-1) ** k) / 2 * I + (1 + (-1) ** (k + 1)) / 2 * R)
    ok &= check(f"R^{k} = (1 + cos(k pi))/2 I + (1 - cos(k pi))/2 R  (433)", Rk,
                (1 + np.cos(k * np.pi)) / 2 * I + (1 - np.cos(k * np.pi)) / 2 * R)
ok &= check("R^3 = I  (odd powers are R)", np.linalg.matrix_power(R, 3), I, expect=False)
sys.exit(0 if ok else 1)
