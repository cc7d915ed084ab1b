"""Whitening, the Mahalanobis distance and the entropy of a Gaussian (Matrix Cookbook 8.3)."""
import itertools
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


rng = np.random.default_rng(11)
n = 3
L = rng.standard_normal((n, n)) + 2 * np.eye(n)
Sigma = L @ L.T
x, m = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
Li = inv(L)

ok = check("L^-1 (L L^T) L^-T = I", Li @ Sigma @ Li.T, np.eye(n))
ok &= check("||L^-1 (x - m)||^2 = (x - m)^T (L L^T)^-1 (x - m)", np.sum((Li @ (x - m)) ** 2),
            ((x - m).T @ inv(Sigma) @ (x - m)).item())
ok &= check("the Cholesky factor is one such L", np.linalg.cholesky(Sigma) @ np.linalg.cholesky(Sigma).T, Sigma)
ok &= check("1/2 Tr(Sigma^-1 Sigma) + 1/2 ln det(2 pi Sigma) = ln sqrt(det(2 pi Sigma)) + n/2",
            0.5 * tr(inv(Sigma) @ Sigma) + 0.5 * np.log(det(2 * np.pi * Sigma)),
            np.log(np.sqrt(det(2 * np.pi * Sigma))) + n / 2)
# The entropy as the expected negative log-density, by Gauss-Hermite quadrature (exact: degree 2).
z1, w1 = np.polynomial.hermite_e.hermegauss(3)
w1 = w1 / np.sqrt(2 * np.pi)
H = sum(np.prod(ws) * -np.log(gauss(m + L @ np.array(zs).reshape(n, 1), m, Sigma))
        for zs, ws in zip(itertools.product(z1, repeat=n), itertools.product(w1, repeat=n)))
ok &= check("entropy = E[-ln p(x)]  (quadrature)", H, np.log(np.sqrt(det(2 * np.pi * Sigma))) + n / 2)
ok &= check("whitening with L^T in place of L", np.sum((inv(L.T) @ (x - m)) ** 2),
            ((x - m).T @ inv(Sigma) @ (x - m)).item(), expect=False)

sys.exit(0 if ok else 1)
