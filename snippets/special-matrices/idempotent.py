"""Idempotent (oblique projection) matrices, Matrix Cookbook (418)-(427); (426) fails for them."""
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


rng = np.random.default_rng(418)
n, r = 5, 2
A, S = rng.standard_normal((n, r)), rng.standard_normal((n, n)) + n * np.eye(n)
E = S @ A @ np.linalg.inv(A.T @ A) @ A.T @ np.linalg.inv(S)   # an orthogonal projection in another basis
I = np.eye(n)
ok = check("E E = E", E @ E, E)
ok &= check("E is not symmetric (an oblique projection)", E.T, E, expect=False)
for m in (1, 2, 3, 4):
    ok &= check(f"E^{m} = E  (418)", np.linalg.matrix_power(E, m), E)
ok &= check("(I - E)(I - E) = I - E  (419)", (I - E) @ (I - E), I - E)
ok &= check("E^T E^T = E^T  (420)", E.T @ E.T, E.T)
ok &= check("(I - E^T)(I - E^T) = I - E^T  (421)", (I - E.T) @ (I - E.T), I - E.T)
ok &= check("E (I - E) = 0  (424)", E @ (I - E) + 1.0, np.ones((n, n)))
ok &= check("(I - E) E = 0  (425)", (I - E) @ E + 1.0, np.ones((n, n)))
ok &= check("Tr(E) = r = rank(E)  (423)", [np.trace(E), np.linalg.matrix_rank(E)], [r, r])
s, t = 0.3, -0.7
ok &= check("expm(sI + tE) = (I - E) e^s + E e^(s+t)  (427)", expm(s * I + t * E), (I - E) * np.exp(s) + E * np.exp(s + t))
ok &= check("E^+ = E  (426 as printed, for an oblique E)", np.linalg.pinv(E), E, expect=False)
sys.exit(0 if ok else 1)
