"""Tr(X^T A X B) = vec(X)^T (B^T kron A) vec(X); gradient A X B + A^T X B^T, which vectorized is
(B^T kron A + B kron A^T) vec(X), the Hessian in vec coordinates times vec(X)."""
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


def num_hessian(f, x, h=1e-4):
    """Second derivatives by the four-point central formula: H[i, j] = d^2 f / dx_i dx_j."""
    x = np.asarray(x, dtype=float).reshape(-1)
    n = x.size
    H = np.zeros((n, n))
    E = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                       - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h * h)
    return H


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


rng = np.random.default_rng(54)
n, p = 3, 4
A, X, B = rng.standard_normal((n, n)), rng.standard_normal((n, p)), rng.standard_normal((p, p))
vec = lambda M: M.reshape(-1, order="F")
f = lambda X: np.trace(X.T @ A @ X @ B)
H = np.kron(B.T, A) + np.kron(B, A.T)

ok = check("Tr(X^T A X B) = vec(X)^T (B^T kron A) vec(X)", f(X), vec(X) @ np.kron(B.T, A) @ vec(X))
G = num_grad(f, X)
ok &= check("d Tr(X^T A X B)/dX = A X B + A^T X B^T", G, A @ X @ B + A.T @ X @ B.T)
ok &= check("vec(gradient) = (B^T kron A + B kron A^T) vec(X)", vec(G), H @ vec(X))
ok &= check("Hessian w.r.t. vec(X) = B^T kron A + B kron A^T",
            num_hessian(lambda x: f(x.reshape(n, p, order="F")), vec(X)), H, tol=1e-5)

sys.exit(0 if ok else 1)
