"""The Gaussian density and its logarithm: derivatives in x, in the mean and in the covariance, and the heat
equation dp/dSigma = 1/2 d^2p/dx dx^T (each entry of Sigma perturbed independently)."""
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


rng = np.random.default_rng(8)
n = 3
Sigma = spd(rng, n)
m, x = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
P, Si, r = gauss(x, m, Sigma), inv(Sigma), x - m
lnp = lambda z, mm=m, S=Sigma: np.log(gauss(z, mm, S))

ok = check("ln p = -1/2 r^T Sigma^-1 r - 1/2 ln det Sigma - n/2 ln 2pi", lnp(x),
           -0.5 * (r.T @ Si @ r).item() - 0.5 * np.log(det(Sigma)) - n / 2 * np.log(2 * np.pi))
ok &= check("d ln p / dx = -Sigma^-1 (x - m)", grad(lnp, x), -Si @ r)
ok &= check("d^2 ln p / dx dx^T = -Sigma^-1", jac(lambda z: grad(lnp, z, h=1e-4), x, h=1e-4), -Si)
ok &= check("dp/dx = -dp/dm", grad(lambda z: gauss(z, m, Sigma), x), -grad(lambda z: gauss(x, z, Sigma), m))
ok &= check("d ln p / dm = Sigma^-1 (x - m)", grad(lambda z: lnp(x, z), m), Si @ r)
Hm = jac(lambda z: grad(lambda w: gauss(x, w, Sigma), z, h=1e-4), m, h=1e-4)
ok &= check("d^2 p / dm dm^T = p (Sigma^-1 r r^T Sigma^-1 - Sigma^-1)", Hm, P * (Si @ r @ r.T @ Si - Si))
ok &= check("d ln p / dSigma = 1/2 (Sigma^-1 r r^T Sigma^-1 - Sigma^-1)", grad(lambda S: lnp(x, m, S), Sigma),
            0.5 * (Si @ r @ r.T @ Si - Si))
Hx = jac(lambda z: grad(lambda w: gauss(w, m, Sigma), z, h=1e-4), x, h=1e-4)
ok &= check("dp/dSigma = 1/2 d^2 p / dx dx^T  (heat equation)", grad(lambda S: gauss(x, m, S), Sigma), 0.5 * Hx)
ok &= check("dp/dSigma = d^2 p / dx dx^T  (without the half)", grad(lambda S: gauss(x, m, S), Sigma), Hx,
            expect=False)

sys.exit(0 if ok else 1)
