"""Woodbury with a symmetric update, Kailath's variant, the positive definite variant
(Matrix Cookbook (156), (158), (159))."""
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


def grad(f, X, h=1e-6):
    """Central finite differences of a scalar function, in the shape of X (denominator layout)."""
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = h
        G[idx] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def jac(f, x, h=1e-6):
    """Central finite differences of a vector function of a vector: m x n (the site's layout)."""
    cols = []
    for i in range(x.shape[0]):
        e = np.zeros_like(x)
        e[i] = h
        cols.append(((f(x + e) - f(x - e)) / (2 * h)).reshape(-1))
    return np.array(cols).T


inv, det, tr, T = np.linalg.inv, np.linalg.det, np.trace, np.transpose

rng = np.random.default_rng(156)
n, m = 6, 2
A = rng.standard_normal((n, n)) + n * np.eye(n)
B = rng.standard_normal((m, m)) + m * np.eye(m)
C = rng.standard_normal((n, m))
Ai = inv(A)
ok = check("(A + C B C^T)^{-1} (Woodbury)", inv(A + C @ B @ C.T),
           Ai - Ai @ C @ inv(inv(B) + C.T @ Ai @ C) @ C.T @ Ai)
U, V = rng.standard_normal((n, m)), rng.standard_normal((m, n))
ok &= check("(A + U V)^{-1} (Kailath)", inv(A + U @ V), Ai - Ai @ U @ inv(np.eye(m) + V @ Ai @ U) @ V @ Ai)
M1, M2 = rng.standard_normal((n, n)), rng.standard_normal((m, m))
P, R = M1 @ M1.T + np.eye(n), M2 @ M2.T + np.eye(m)
H = rng.standard_normal((m, n))
ok &= check("(P^{-1} + H^T R^{-1} H)^{-1} H^T R^{-1} = P H^T (H P H^T + R)^{-1}",
            inv(inv(P) + H.T @ inv(R) @ H) @ H.T @ inv(R), P @ H.T @ inv(H @ P @ H.T + R))

sys.exit(0 if ok else 1)
