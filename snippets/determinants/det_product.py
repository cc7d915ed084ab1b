"""The determinant is multiplicative: det(AX) = det(A) det(X), so
log det(AXB) = log det A + log det X + log det B (with absolute values for negative determinants).
"""
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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(1)
n = 5
A, X, B = (rng.standard_normal((n, n)) for _ in range(3))

ok = check("det(AX) = det(A) det(X)", np.linalg.det(A @ X), np.linalg.det(A) * np.linalg.det(X))
logabsdet = lambda M: np.linalg.slogdet(M)[1]  # log |det M|, without overflow
ok &= check("log|det(AXB)| = log|det A| + log|det X| + log|det B|", logabsdet(A @ X @ B),
            logabsdet(A) + logabsdet(X) + logabsdet(B))
ok &= check("det(A + X) = det(A) + det(X)  (it is not additive)", np.linalg.det(A + X),
            np.linalg.det(A) + np.linalg.det(X), expect=False)

sys.exit(0 if ok else 1)
