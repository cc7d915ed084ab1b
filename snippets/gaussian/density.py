"""The Gaussian density and its derivatives (Matrix Cookbook (351), (352)), with respect to x, the mean
and the covariance (each entry perturbed independently)."""
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

rng = np.random.default_rng(351)
n = 3
M = rng.standard_normal((n, n))
Sigma = M @ M.T + np.eye(n)
mu, x = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))


def p(x, mu, Sigma):
    r = x - mu
    return np.exp(-0.5 * (r.T @ inv(Sigma) @ r).item()) / np.sqrt(det(2 * np.pi * Sigma))


P, Si, r = p(x, mu, Sigma), inv(Sigma), x - mu
ok = check("det(2 pi Sigma) = (2 pi)^n det(Sigma)", det(2 * np.pi * Sigma), (2 * np.pi) ** n * det(Sigma))
ok &= check("dp/dx = -p Sigma^{-1} (x - mu)", grad(lambda z: p(z, mu, Sigma), x), -P * Si @ r)
H = jac(lambda z: grad(lambda w: p(w, mu, Sigma), z, h=1e-4), x, h=1e-4)
ok &= check("d^2 p / dx dx^T = p (Sigma^{-1} r r^T Sigma^{-1} - Sigma^{-1})", H, P * (Si @ r @ r.T @ Si - Si))
ok &= check("dp/dmu = p Sigma^{-1} (x - mu)", grad(lambda z: p(x, z, Sigma), mu), P * Si @ r)
ok &= check("dp/dSigma = p/2 (Sigma^{-1} r r^T Sigma^{-1} - Sigma^{-1})", grad(lambda Z: p(x, mu, Z), Sigma),
            0.5 * P * (Si @ r @ r.T @ Si - Si))
ok &= check("dp/dx = +p Sigma^{-1} (x - mu)  (sign)", grad(lambda z: p(z, mu, Sigma), x), P * Si @ r, expect=False)

sys.exit(0 if ok else 1)
