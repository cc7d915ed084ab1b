"""Cosine similarity c = x^T y / (||x|| ||y||) = u^T v:
dc/dx = (v - c u) / ||x||, dc/dy = (u - c v) / ||y||, dc/dx = (du/dx)^T v, and x^T dc/dx = 0."""
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


rng = np.random.default_rng(41)
n = 6
x, y = rng.standard_normal(n), rng.standard_normal(n)
norm = np.linalg.norm
cos = lambda x, y: x @ y / (norm(x) * norm(y))
u, v, c = x / norm(x), y / norm(y), cos(x, y)

gx = num_grad(lambda x: cos(x, y), x)
ok = check("c = u^T v", c, u @ v)
ok &= check("dc/dx = (v - c u) / ||x||", gx, (v - c * u) / norm(x))
ok &= check("dc/dy = (u - c v) / ||y||", num_grad(lambda y: cos(x, y), y), (u - c * v) / norm(y))
ok &= check("dc/dx = (du/dx)^T v", gx, num_jacobian(lambda x: x / norm(x), x).T @ v)
ok &= check("x^T dc/dx = 0", x @ gx / norm(gx), 0.0, tol=1e-8)

sys.exit(0 if ok else 1)
