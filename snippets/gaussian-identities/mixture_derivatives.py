"""Derivatives of the log-density of a Gaussian mixture (Matrix Cookbook 8.4.2): the responsibility times the
derivative of the component's own log-density."""
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


rng = np.random.default_rng(12)
n = 3
S1, S2 = spd(rng, n), spd(rng, n)
mu1, mu2, s = (0.5 * rng.standard_normal((n, 1)) for _ in range(3))
rho1, rho2 = 0.3, 0.7
g = lambda s, rho1=rho1, mu1=mu1, S1=S1: rho1 * gauss(s, mu1, S1) + rho2 * gauss(s, mu2, S2)
r1 = rho1 * gauss(s, mu1, S1) / g(s)
r2 = rho2 * gauss(s, mu2, S2) / g(s)
I1, I2 = inv(S1), inv(S2)

ok = check("responsibilities sum to one", r1 + r2, 1.0)
ok &= check("d ln g / d rho_1 = r_1 / rho_1", grad(lambda a: np.log(g(s, rho1=a.item())), np.array([rho1]))[0],
            r1 / rho1)
ok &= check("d ln g / d mu_1 = r_1 Sigma_1^-1 (s - mu_1)", grad(lambda z: np.log(g(s, mu1=z)), mu1),
            r1 * I1 @ (s - mu1))
ok &= check("d ln g / d Sigma_1 = r_1/2 (Sigma_1^-1 d d^T Sigma_1^-1 - Sigma_1^-1)",
            grad(lambda Z: np.log(g(s, S1=Z)), S1), 0.5 * r1 * (I1 @ (s - mu1) @ (s - mu1).T @ I1 - I1))
ok &= check("d ln g / d s = -r_1 S1^-1 (s - mu_1) - r_2 S2^-1 (s - mu_2)", grad(lambda z: np.log(g(z)), s),
            -r1 * I1 @ (s - mu1) - r2 * I2 @ (s - mu2))
ok &= check("d ln g / d mu_1 without the responsibility", grad(lambda z: np.log(g(s, mu1=z)), mu1),
            I1 @ (s - mu1), expect=False)

sys.exit(0 if ok else 1)
