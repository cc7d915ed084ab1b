"""The vec operator is linear, and a bilinear form with X twice is a quadratic form of vec(X)
(Matrix Cookbook (522)-(524)); the Cookbook's printed (524), without the transpose, is checked to differ."""
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

rng = np.random.default_rng(522)
vec = lambda M: M.reshape(-1, 1, order="F")        # stack the columns
m, n, p = 3, 4, 5
A, B = rng.standard_normal((m, n)), rng.standard_normal((m, n))
c = 2.5
ok = check("vec(A + B) = vec(A) + vec(B)", vec(A + B), vec(A) + vec(B))
ok &= check("vec(cA) = c vec(A)", vec(c * A), c * vec(A))
x, y = rng.standard_normal((m, 1)), rng.standard_normal((m, 1))
X, W = rng.standard_normal((m, p)), rng.standard_normal((p, p))
lhs = (x.T @ X @ W @ X.T @ y).item()
ok &= check("x^T X W X^T y = vec(X)^T (W^T kron y x^T) vec(X)", lhs,
            (vec(X).T @ np.kron(W.T, y @ x.T) @ vec(X)).item())
ok &= check("the same with W kron y x^T (Cookbook (524) as printed)", lhs,
            (vec(X).T @ np.kron(W, y @ x.T) @ vec(X)).item(), expect=False)

sys.exit(0 if ok else 1)
