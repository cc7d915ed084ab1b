"""u = x / ||x||: d||x||/dx = u; du/dx = (I - u u^T) / ||x||, which is also the Hessian of ||x||;
and (du/dx) x = 0."""
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


def num_hessian(f, x, h=1e-4):
    """Second derivatives by the four-point central formula: H[i, j] = d^2 f / dx_i dx_j."""
    x = np.asarray(x, dtype=float).reshape(-1)
    n = x.size
    H = np.zeros((n, n))
    E = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                       - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h * h)
    return H


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


rng = np.random.default_rng(40)
n = 5
x = rng.standard_normal(n)
norm = np.linalg.norm
u = x / norm(x)
P = (np.eye(n) - np.outer(u, u)) / norm(x)

ok = check("d ||x||/dx = x / ||x||", num_grad(norm, x), u)
J = num_jacobian(lambda x: x / norm(x), x)
ok &= check("du/dx = (I - u u^T) / ||x||", J, P)
ok &= check("du/dx = I / ||x||  (forgetting ||x|| depends on x)", J, np.eye(n) / norm(x), expect=False)
ok &= check("Hessian of ||x|| = (I - u u^T) / ||x||", num_hessian(norm, x), P)
ok &= check("(du/dx) x = 0", J @ x / norm(x), np.zeros(n), tol=1e-8)

sys.exit(0 if ok else 1)
