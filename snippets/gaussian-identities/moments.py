"""Moments of a Gaussian (Matrix Cookbook (377)-(381)): the expectations checked exactly by Gauss-Hermite
quadrature, the trace identities behind them, and the mean and covariance from the log-MGF."""
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

rng = np.random.default_rng(377)
n = 3
Sigma = spd(rng, n)
A = rng.standard_normal((n, n))
m, mp, t = rng.standard_normal((n, 1)), rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
L = np.linalg.cholesky(Sigma)

# Gauss-Hermite quadrature (probabilists' weight exp(-z^2/2)), 4 nodes a dimension: exact for
# polynomials of degree up to 7 in z, so exact for these moments (degree 4 at most).
z1, w1 = np.polynomial.hermite_e.hermegauss(4)
w1 = w1 / np.sqrt(2 * np.pi)
nodes = [(m + L @ np.array(zs).reshape(n, 1), np.prod(ws))
         for zs, ws in zip(itertools.product(z1, repeat=n), itertools.product(w1, repeat=n))]
E = lambda f: sum(w * np.asarray(f(x), dtype=float) for x, w in nodes)

ok = check("(377) E[x x^T] = Sigma + m m^T  (quadrature)", E(lambda x: x @ x.T), Sigma + m @ m.T)
ok &= check("(378) E[x^T A x] = Tr(A Sigma) + m^T A m  (quadrature)", E(lambda x: (x.T @ A @ x).item()),
            tr(A @ Sigma) + (m.T @ A @ m).item())
ok &= check("  Tr(A (Sigma + m m^T)) = Tr(A Sigma) + m^T A m", tr(A @ (Sigma + m @ m.T)),
            tr(A @ Sigma) + (m.T @ A @ m).item())
ok &= check("(380) E[(x - m')^T A (x - m')]  (quadrature)", E(lambda x: ((x - mp).T @ A @ (x - mp)).item()),
            ((m - mp).T @ A @ (m - mp)).item() + tr(A @ Sigma))
ok &= check("  Tr(A (Sigma + (m - m')(m - m')^T)) = the same", tr(A @ (Sigma + (m - mp) @ (m - mp).T)),
            ((m - mp).T @ A @ (m - mp)).item() + tr(A @ Sigma))
q = lambda x: (x.T @ A @ x).item()
var = E(lambda x: q(x) ** 2) - E(q) ** 2
ok &= check("(379) Var(x^T A x)  (quadrature)", var,
            tr(A @ Sigma @ (A + A.T) @ Sigma) + (m.T @ (A + A.T) @ Sigma @ (A + A.T) @ m).item())
K = lambda s: (s.T @ m + 0.5 * s.T @ Sigma @ s).item()
ok &= check("gradient of the log-MGF = m + Sigma t", grad(K, t), m + Sigma @ t)
ok &= check("Hessian of the log-MGF = Sigma", jac(lambda s: grad(K, s, h=1e-4), t, h=1e-4), Sigma)
sigma, As = 0.7, A + A.T
S0 = sigma ** 2 * np.eye(n)
ok &= check("(381) is (379) for Sigma = sigma^2 I and a symmetric A",
            tr(As @ S0 @ (As + As.T) @ S0) + (m.T @ (As + As.T) @ S0 @ (As + As.T) @ m).item(),
            2 * sigma ** 4 * tr(As @ As) + 4 * sigma ** 2 * (m.T @ As @ As @ m).item())
ok &= check("E[x^T A x] without the mean term", E(q), tr(A @ Sigma), expect=False)

sys.exit(0 if ok else 1)
