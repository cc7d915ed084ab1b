"""The matrix exponential, Matrix Cookbook (498)-(502): inverse, transpose, determinant, derivative
along a scalar, and the product rule for commuting matrices (it fails for general ones)."""
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

rng = np.random.default_rng(498)
n = 4
A, B = rng.standard_normal((n, n)), rng.standard_normal((n, n))
ok = check("(e^A)^{-1} = e^{-A}  (499)", np.linalg.inv(expm(A)), expm(-A))
ok &= check("expm(A)^T = expm(A^T)", expm(A).T, expm(A.T))
ok &= check("det(e^A) = exp(Tr(A))  (502)", np.linalg.det(expm(A)), np.exp(np.trace(A)))
t, h = 0.6, 1e-6
dE = (expm((t + h) * A) - expm((t - h) * A)) / (2 * h)
ok &= check("d/dt expm(tA) = A expm(tA)  (500, finite differences)", dE, A @ expm(t * A))
ok &= check("d/dt expm(tA) = expm(tA) A  (500)", dE, expm(t * A) @ A)
ok &= check("d/dt Tr(expm(tA)) = Tr(A expm(tA))  (501)", np.trace(dE), np.trace(A @ expm(t * A)))
V, _ = np.linalg.qr(rng.standard_normal((n, n)))
a, b = rng.standard_normal(n), rng.standard_normal(n)
K, L = V @ np.diag(a) @ V.T, V @ np.diag(b) @ V.T
ok &= check("K L = L K  (a shared eigenbasis)", K @ L, L @ K)
ok &= check("e^K e^L = e^{K+L} for commuting K, L  (498)", expm(K) @ expm(L), expm(K + L))
ok &= check("e^A e^B = e^{A+B} for general A, B", expm(A) @ expm(B), expm(A + B), expect=False)
ok &= check("expm(A) = exp(A) entrywise", expm(A), np.exp(A), expect=False)
sys.exit(0 if ok else 1)
