"""RMSNorm: r = sqrt(mean(x^2) + eps), xt = x / r, z = gamma * xt. Jacobian (I - xt xt^T / n) / r;
with k = gamma * dL/dz: dL/dx = (k - xt mean(xt * k)) / r, dL/dgamma = dL/dz * xt."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(y(x + h * e)) - np.ravel(y(x - h * e))) / (2 * h))
    return np.column_stack(cols)


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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(133)
n, eps = 7, 1e-6
x, gamma = rng.standard_normal(n), rng.standard_normal(n)
C = rng.standard_normal(n)
rms = lambda x: x / np.sqrt(np.mean(x * x) + eps)
L = lambda z: np.sum(C * z ** 2)

r = np.sqrt(np.mean(x * x) + eps)
xt = x / r
dz = 2 * C * gamma * xt  # dL/dz at z = gamma * xt
k = gamma * dz

ok = check("d xt/dx = (I - xt xt^T / n) / r", num_jacobian(rms, x), (np.eye(n) - np.outer(xt, xt) / n) / r)
ok &= check("dL/dx = (k - xt mean(xt * k)) / r", num_grad(lambda x: L(gamma * rms(x)), x), (k - xt * np.mean(xt * k)) / r)
ok &= check("dL/dgamma = dL/dz * xt", num_grad(lambda gm: L(gm * rms(x)), gamma), dz * xt)

sys.exit(0 if ok else 1)
