"""Searle's set of identities and the push-through identity (Matrix Cookbook (161)-(167))."""
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

rng = np.random.default_rng(161)
n, m = 5, 3
M1, M2 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
A, B = M1 @ M1.T + np.eye(n), M2 @ M2.T + np.eye(n)      # positive definite
I = np.eye(n)
ok = check("(I + A^{-1})^{-1} = A (A + I)^{-1}", inv(I + inv(A)), A @ inv(A + I))
ok &= check("(A^{-1} + B^{-1})^{-1} = A (A + B)^{-1} B", inv(inv(A) + inv(B)), A @ inv(A + B) @ B)
ok &= check("(A^{-1} + B^{-1})^{-1} = B (A + B)^{-1} A", inv(inv(A) + inv(B)), B @ inv(A + B) @ A)
ok &= check("(A^{-1} + B^{-1})^{-1} = A + B  (not additive)", inv(inv(A) + inv(B)), A + B, expect=False)
ok &= check("A - A (A + B)^{-1} A = B - B (A + B)^{-1} B", A - A @ inv(A + B) @ A, B - B @ inv(A + B) @ B)
ok &= check("A^{-1} + B^{-1} = A^{-1} (A + B) B^{-1}", inv(A) + inv(B), inv(A) @ (A + B) @ inv(B))
U, V = rng.standard_normal((n, m)), rng.standard_normal((m, n))
ok &= check("(A + U U^T)^{-1} U = A^{-1} U (I + U^T A^{-1} U)^{-1}", inv(A + U @ U.T) @ U,
            inv(A) @ U @ inv(np.eye(m) + U.T @ inv(A) @ U))
ok &= check("(I + U V)^{-1} = I - U (I + V U)^{-1} V", inv(I + U @ V), I - U @ inv(np.eye(m) + V @ U) @ V)
ok &= check("(I + U V)^{-1} U = U (I + V U)^{-1}", inv(I + U @ V) @ U, U @ inv(np.eye(m) + V @ U))

sys.exit(0 if ok else 1)
