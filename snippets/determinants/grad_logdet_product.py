"""d log det(Y^T S Y)/dY = 2 S Y (Y^T S Y)^{-1} for a tall Y (m > n) and a symmetric positive
definite S (m x m)."""
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


rng = np.random.default_rng(4)
m, n = 6, 3  # Y is tall, so Y^T S Y (n x n) is invertible
Y = rng.standard_normal((m, n))
R = rng.standard_normal((m, m))
S = R @ R.T + np.eye(m)
f = lambda Y: np.linalg.slogdet(Y.T @ S @ Y)[1]

G = num_grad(f, Y)
ok = check("d log det(Y^T S Y)/dY = 2 S Y (Y^T S Y)^{-1}", G, 2 * S @ Y @ np.linalg.inv(Y.T @ S @ Y))
ok &= check("= S Y (Y^T S Y)^{-1}  (missing the 2)", G, S @ Y @ np.linalg.inv(Y.T @ S @ Y), expect=False)

sys.exit(0 if ok else 1)
