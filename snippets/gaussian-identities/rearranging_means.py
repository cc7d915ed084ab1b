"""Rearranging means (Matrix Cookbook (356), (357)): a Gaussian density at A x is a Gaussian density in x, for a
square invertible A, with the change-of-variables factor."""
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


rng = np.random.default_rng(356)
n = 3
Sigma = spd(rng, n)
A = rng.standard_normal((n, n)) + 2 * np.eye(n)
m, x = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
Si, Ai = inv(Sigma), inv(A)
Q = inv(A.T @ Si @ A)                            # the pulled-back covariance
pA = gauss(A @ x, m, Sigma)                      # the density at A x
q = gauss(x, Ai @ m, Q)
ratio = np.sqrt(det(2 * np.pi * Q)) / np.sqrt(det(2 * np.pi * Sigma))

ok = check("(356) p_A(x) = ratio of normalizers * q(x)", pA, ratio * q)
ok &= check("(A^T Sigma^-1 A)^-1 = A^-1 Sigma A^-T", Q, Ai @ Sigma @ Ai.T)
ok &= check("ratio of normalizers = 1 / |det A|", ratio, 1 / abs(det(A)))
ok &= check("(357) p_A(x) = q(x) / |det A|", pA, q / abs(det(A)))
ok &= check("without the factor 1/|det A|", pA, q, expect=False)

sys.exit(0 if ok else 1)
