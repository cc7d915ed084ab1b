"""The mean and covariance of a two-component Gaussian mixture (Matrix Cookbook 8.2.5): the double sum is the
law of total covariance."""
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


import itertools

rng = np.random.default_rng(13)
n = 3
S1, S2 = spd(rng, n), spd(rng, n)
m1, m2 = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
rho = 0.35
w, ms, Ss = [rho, 1 - rho], [m1, m2], [S1, S2]

double_sum = sum(w[k] * w[j] * (Ss[k] + ms[k] @ ms[k].T - ms[k] @ ms[j].T) for k in range(2) for j in range(2))
total = rho * S1 + (1 - rho) * S2 + rho * (1 - rho) * (m1 - m2) @ (m1 - m2).T
ok = check("the Cookbook's double sum = law of total covariance", double_sum, total)
mean = rho * m1 + (1 - rho) * m2
ok &= check("second moment minus the outer product of the mean",
            rho * (S1 + m1 @ m1.T) + (1 - rho) * (S2 + m2 @ m2.T) - mean @ mean.T, total)
# The mixture's covariance by quadrature over each component (exact: degree 2).
z1, w1 = np.polynomial.hermite_e.hermegauss(3)
w1 = w1 / np.sqrt(2 * np.pi)
E2 = sum(wk * np.prod(ws) * (x := mk + np.linalg.cholesky(Sk) @ np.array(zs).reshape(n, 1)) @ x.T
         for wk, mk, Sk in zip(w, ms, Ss)
         for zs, ws in zip(itertools.product(z1, repeat=n), itertools.product(w1, repeat=n)))
ok &= check("covariance of the mixture  (quadrature)", E2 - mean @ mean.T, total)
ok &= check("average covariance alone (the spread of the means left out)", E2 - mean @ mean.T,
            rho * S1 + (1 - rho) * S2, expect=False)

sys.exit(0 if ok else 1)
