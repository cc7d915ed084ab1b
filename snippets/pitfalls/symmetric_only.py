"""Identities that need symmetry: d(w^T B w)/dw = (B + B^T) w (2 B w only for symmetric B), and
d log det X/dX = X^{-T} (X^{-1} only for symmetric X)."""
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


rng = np.random.default_rng(163)
n = 4
B, w = rng.standard_normal((n, n)), rng.standard_normal(n)
X = rng.standard_normal((n, n)) + n * np.eye(n)

g = num_grad(lambda w: w @ B @ w, w)
ok = check("d(w^T B w)/dw = (B + B^T) w", g, (B + B.T) @ w)
ok &= check("d(w^T B w)/dw = 2 B w  (wrong for non-symmetric B)", g, 2 * B @ w, expect=False)
G = num_grad(lambda X: np.linalg.slogdet(X)[1], X)
ok &= check("d log det X/dX = X^{-T}", G, np.linalg.inv(X).T)
ok &= check("d log det X/dX = X^{-1}  (wrong for non-symmetric X)", G, np.linalg.inv(X), expect=False)

sys.exit(0 if ok else 1)
