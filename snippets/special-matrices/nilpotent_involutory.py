"""Nilpotent and involutory matrices, Matrix Cookbook (428), (429)."""
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


def expm(M, terms=30):
    """The matrix exponential by its power series, after scaling by 2^-s and squaring s times."""
    s = max(0, int(np.ceil(np.log2(max(np.abs(M).sum(axis=1).max(), 1e-300)))) + 1)
    X = M / 2.0**s
    out, term = np.eye(len(M)), np.eye(len(M))
    for r in range(1, terms):
        term = term @ X / r
        out = out + term
    for _ in range(s):
        out = out @ out
    return out


rng = np.random.default_rng(428)
n = 4
u, z = rng.standard_normal(n), rng.standard_normal(n)
I = np.eye(n)
w = z - (u @ z) / (u @ u) * u
N = np.outer(u, w)
s, t = 0.4, 1.3
ok = check("N N = 0", N @ N + 1.0, np.ones((n, n)))
ok &= check("expm(sI + tN) = I e^s + t N e^s  (428)", expm(s * I + t * N), I * np.exp(s) + t * N * np.exp(s))
R = I - 2 / (u @ u) * np.outer(u, u)
ok &= check("R R = I", R @ R, I)
ok &= check("expm(sI + tR) = ((I + R) e^(s+t) + (I - R) e^(s-t)) / 2  (429)", expm(s * I + t * R),
            ((I + R) * np.exp(s + t) + (I - R) * np.exp(s - t)) / 2)
ok &= check("expm(sI + tN) = I e^s + N e^(s+t)  (idempotent rule on a nilpotent)", expm(s * I + t * N),
            I * np.exp(s) + N * np.exp(s + t), expect=False)
sys.exit(0 if ok else 1)
