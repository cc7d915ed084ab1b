"""Gradient and Hessian of a quadratic (Matrix Cookbook (95)-(97))."""
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

rng = np.random.default_rng(96)
n = 4
x, b, A = rng.standard_normal((n, 1)), rng.standard_normal((n, 1)), rng.standard_normal((n, n))
f = lambda z: (z.T @ A @ z + b.T @ z).item()
ok = check("grad f = (A + A^T) x + b", grad(f, x), (A + A.T) @ x + b)
H = jac(lambda z: grad(f, z, h=1e-4), x, h=1e-4)
ok &= check("Hessian of f = A + A^T", H, A + A.T)
ok &= check("Hessian of f = 2 A  (only for symmetric A)", H, 2 * A, expect=False)

sys.exit(0 if ok else 1)
