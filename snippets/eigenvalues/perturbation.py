"""Derivatives of an eigenvalue and its eigenvector along a path of symmetric matrices
(Matrix Cookbook (67), (68)), and the entrywise gradient of an eigenvalue."""
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

rng = np.random.default_rng(67)
n = 5
M0, M1 = rng.standard_normal((n, n)), rng.standard_normal((n, n))
F = lambda t: (M0 + M0.T) + t * (M1 + M1.T)
t, h, i = 0.2, 1e-6, 2
dF = (F(t + h) - F(t - h)) / (2 * h)
lam, V = np.linalg.eigh(F(t))
v = V[:, [i]]


def eigvec(t):
    """The i-th unit eigenvector, with the sign that matches v (eigh's sign is arbitrary)."""
    w = np.linalg.eigh(F(t))[1][:, [i]]
    return w * np.sign((w.T @ v).item())


dlam = (np.linalg.eigh(F(t + h))[0][i] - np.linalg.eigh(F(t - h))[0][i]) / (2 * h)
ok = check("d lambda_i/dt = v_i^T dF/dt v_i", dlam, (v.T @ dF @ v).item())
dv = (eigvec(t + h) - eigvec(t - h)) / (2 * h)
ok &= check("d v_i/dt = (lambda_i I - F)^+ dF/dt v_i", dv, np.linalg.pinv(lam[i] * np.eye(n) - F(t)) @ dF @ v)
ok &= check("lambda_i I - F is singular: the pseudo-inverse is needed",
            np.linalg.cond(lam[i] * np.eye(n) - F(t)) > 1e10, True)
S = F(t)
ok &= check("d lambda_i/dS = v_i v_i^T", grad(lambda Z: np.linalg.eigvalsh((Z + Z.T) / 2)[i], S), v @ v.T)

sys.exit(0 if ok else 1)
