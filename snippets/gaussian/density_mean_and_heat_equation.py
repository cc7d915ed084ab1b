"""The Gaussian density: its derivatives in the mean mirror those in x (dp/dx = -dp/dmu, the same Hessian),
and the heat equation dp/dSigma = 1/2 d^2p/dx dx^T (each entry of Sigma perturbed independently)."""
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


def gauss(x, mu, S):
    """The Gaussian density with mean mu and covariance S at x (column vectors)."""
    r = x - mu
    return np.exp(-0.5 * (r.T @ inv(S) @ r).item()) / np.sqrt(det(2 * np.pi * S))


rng = np.random.default_rng(8)
n = 3
Sigma = spd(rng, n)
mu, x = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
P, Si, r = gauss(x, mu, Sigma), inv(Sigma), x - mu

ok = check("dp/dx = -dp/dmu", grad(lambda z: gauss(z, mu, Sigma), x), -grad(lambda z: gauss(x, z, Sigma), mu))
Hmu = jac(lambda z: grad(lambda w: gauss(x, w, Sigma), z, h=1e-4), mu, h=1e-4)
ok &= check("d^2 p / dmu dmu^T = p (Sigma^-1 r r^T Sigma^-1 - Sigma^-1)", Hmu, P * (Si @ r @ r.T @ Si - Si))
Hx = jac(lambda z: grad(lambda w: gauss(w, mu, Sigma), z, h=1e-4), x, h=1e-4)
ok &= check("d^2 p / dx dx^T = d^2 p / dmu dmu^T", Hx, Hmu)
ok &= check("dp/dSigma = 1/2 d^2 p / dx dx^T  (heat equation)", grad(lambda S: gauss(x, mu, S), Sigma), 0.5 * Hx)
ok &= check("dp/dSigma = d^2 p / dx dx^T  (without the half)", grad(lambda S: gauss(x, mu, S), Sigma), Hx,
            expect=False)

sys.exit(0 if ok else 1)
