"""A linear combination of independent Gaussians (Matrix Cookbook (355)): the moment-generating-function
identity behind it, and the mean and covariance read off the log-MGF."""
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


rng = np.random.default_rng(355)
n, l, k = 3, 2, 4
Sx, Sy = spd(rng, n), spd(rng, l)
mx, my = rng.standard_normal((n, 1)), rng.standard_normal((l, 1))
A, B = rng.standard_normal((k, n)), rng.standard_normal((k, l))
c, t = rng.standard_normal((k, 1)), 0.3 * rng.standard_normal((k, 1))
mgf = lambda s, m, S: np.exp((s.T @ m + 0.5 * s.T @ S @ s).item())
# The moment-generating function of A x + B y + c for independent x and y: a product.
mgf_z = lambda s: mgf(A.T @ s, mx, Sx) * mgf(B.T @ s, my, Sy) * np.exp((s.T @ c).item())

ok = check("MGF of A x + B y + c = MGF of a Gaussian with the stated moments", mgf_z(t),
           mgf(t, A @ mx + B @ my + c, A @ Sx @ A.T + B @ Sy @ B.T))
# Its log: gradient at 0 = the mean, Hessian at 0 = the covariance (finite differences).
K = lambda s: np.log(mgf_z(s))
zero = np.zeros((k, 1))
ok &= check("gradient of the log-MGF at 0 = A m_x + B m_y + c", grad(K, zero), A @ mx + B @ my + c)
Hk = jac(lambda s: grad(K, s, h=1e-4), zero, h=1e-4)
ok &= check("Hessian of the log-MGF at 0 = A Sx A^T + B Sy B^T", Hk, A @ Sx @ A.T + B @ Sy @ B.T)
ok &= check("covariance without the B term", Hk, A @ Sx @ A.T, expect=False)

sys.exit(0 if ok else 1)
