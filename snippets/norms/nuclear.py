"""The nuclear norm ||W||_* (the sum of the singular values) has gradient U V^T when W has full rank,
for a square W = U diag(s) V^T and, with the thin SVD, for a rectangular one."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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


rng = np.random.default_rng(33)
nuc = lambda W: np.linalg.norm(W, "nuc")

n = 4
U, _ = np.linalg.qr(rng.standard_normal((n, n)))
V, _ = np.linalg.qr(rng.standard_normal((n, n)))
s = rng.uniform(0.5, 2.0, n)
W = U @ np.diag(s) @ V.T
ok = check("||W||_* = 1^T s", nuc(W), s.sum())
ok &= check("||W||_F^2 = s^T s", np.linalg.norm(W, "fro") ** 2, s @ s)
ok &= check("d ||W||_*/dW = U V^T  (square)", num_grad(nuc, W), U @ V.T)

m, k = 5, 3
R = rng.standard_normal((m, k))
Ut, st, Vt = np.linalg.svd(R, full_matrices=False)
ok &= check("d ||W||_*/dW = U V^T  (5 x 3, thin SVD)", num_grad(nuc, R), Ut @ Vt)

sys.exit(0 if ok else 1)
