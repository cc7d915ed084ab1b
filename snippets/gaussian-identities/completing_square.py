"""Completing the square (Matrix Cookbook (358), (359)): the vector and the trace forms for a symmetric A, the
gradient and the value at the centre; a non-symmetric A needs its symmetric part."""
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
    print(f"{label:<64} {verdict}   {detail}")
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


inv, det, tr = np.linalg.inv, np.linalg.det, np.trace


def spd(rng, n):
    M = rng.standard_normal((n, n))
    return M @ M.T + n * np.eye(n)


def gauss(x, m, S):
    """The Gaussian density with mean m and covariance S at x (column vectors)."""
    r = x - m
    return np.exp(-0.5 * (r.T @ inv(S) @ r).item()) / np.sqrt(det(2 * np.pi * S))


rng = np.random.default_rng(358)
n, k = 3, 2
A = rng.standard_normal((n, n))
A = A + A.T                       # symmetric, invertible (not necessarily definite)
An = rng.standard_normal((n, n))  # not symmetric
b, x = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
Ai = inv(A)
f = lambda z: (-0.5 * z.T @ A @ z + b.T @ z).item()

ok = check("(358) -x^T A x / 2 + b^T x = square + b^T A^-1 b / 2", f(x),
           (-0.5 * (x - Ai @ b).T @ A @ (x - Ai @ b) + 0.5 * b.T @ Ai @ b).item())
ok &= check("gradient = -A (x - A^-1 b)", grad(f, x), -A @ (x - Ai @ b))
ok &= check("value at A^-1 b = b^T A^-1 b / 2", f(Ai @ b), (0.5 * b.T @ Ai @ b).item())
Sigma = spd(rng, n)
m, Si = rng.standard_normal((n, 1)), inv(Sigma)
ok &= check("Gaussian exponent: centred at the mean",
            (-0.5 * x.T @ Si @ x + m.T @ Si @ x).item(),
            (-0.5 * (x - m).T @ Si @ (x - m) + 0.5 * m.T @ Si @ m).item())
fn = lambda z: (-0.5 * z.T @ An @ z + b.T @ z).item()
S = 0.5 * (An + An.T)
ok &= check("non-symmetric A: complete with the symmetric part", fn(x),
            (-0.5 * (x - inv(S) @ b).T @ S @ (x - inv(S) @ b) + 0.5 * b.T @ inv(S) @ b).item())
ok &= check("non-symmetric A: the form with A itself", fn(x),
            (-0.5 * (x - inv(An) @ b).T @ An @ (x - inv(An) @ b) + 0.5 * b.T @ inv(An) @ b).item(),
            expect=False)
X, B = rng.standard_normal((n, k)), rng.standard_normal((n, k))
F = lambda Z: -0.5 * tr(Z.T @ A @ Z) + tr(B.T @ Z)
ok &= check("(359) the trace form", F(X),
            -0.5 * tr((X - Ai @ B).T @ A @ (X - Ai @ B)) + 0.5 * tr(B.T @ Ai @ B))
ok &= check("d/dX of the trace form = B - A X", grad(F, X), B - A @ X)

sys.exit(0 if ok else 1)
