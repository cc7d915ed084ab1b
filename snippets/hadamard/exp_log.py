"""The entrywise exponential and logarithm: exp(A) o exp(B) = exp(A + B), log(P o Q) = log P + log Q;
the matrix exponential (a power series) has no such rule for square matrices that do not commute."""
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


def expm(M, terms=60):
    """The matrix exponential by its power series (small, well-scaled matrices)."""
    out, term = np.eye(M.shape[0]), np.eye(M.shape[0])
    for k in range(1, terms):
        term = term @ M / k
        out = out + term
    return out


rng = np.random.default_rng(5)
m, n = 3, 4
A, B = rng.standard_normal((m, n)), rng.standard_normal((m, n))
P, Q = rng.uniform(0.5, 2.0, (m, n)), rng.uniform(0.5, 2.0, (m, n))

ok = check("exp(A) o exp(B) = exp(A + B)", np.exp(A) * np.exp(B), np.exp(A + B))
ok &= check("log(P o Q) = log(P) + log(Q)", np.log(P * Q), np.log(P) + np.log(Q))
S, T = 0.5 * rng.standard_normal((n, n)), 0.5 * rng.standard_normal((n, n))
ok &= check("matrix exponential: e^S e^T is not e^(S+T)", expm(S) @ expm(T), expm(S + T), expect=False)

sys.exit(0 if ok else 1)
