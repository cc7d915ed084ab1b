"""Orthogonal matrices: inverse, determinant, lengths, similarity."""
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


rng = np.random.default_rng(430)
n = 4
Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
A, x, y = rng.standard_normal((n, n)), rng.standard_normal(n), rng.standard_normal(n)
I = np.eye(n)
ok = check("Q^T Q = I", Q.T @ Q, I)
ok &= check("Q Q^T = I", Q @ Q.T, I)
ok &= check("Q^{-1} = Q^T", np.linalg.inv(Q), Q.T)
ok &= check("Q^{-T} = Q", np.linalg.inv(Q).T, Q)
ok &= check("det(Q)^2 = 1", np.linalg.det(Q) ** 2, 1.0)
ok &= check("||Q x|| = ||x||", np.linalg.norm(Q @ x), np.linalg.norm(x))
ok &= check("(Q x)^T (Q y) = x^T y", (Q @ x) @ (Q @ y), x @ y)
ok &= check("Tr(Q A Q^T) = Tr(A)", np.trace(Q @ A @ Q.T), np.trace(A))
ok &= check("det(Q A Q^T) = det(A)", np.linalg.det(Q @ A @ Q.T), np.linalg.det(A))
ok &= check("expm(Q A Q^T) = Q expm(A) Q^T", expm(Q @ A @ Q.T), Q @ expm(A) @ Q.T)
ok &= check("Q A Q^T = A  (similar, not equal)", Q @ A @ Q.T, A, expect=False)
sys.exit(0 if ok else 1)
