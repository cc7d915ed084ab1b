"""Masked and weighted least squares, by central differences: d ||M o (X - Y)||_F^2/dX = 2 M o M o (X - Y);
matrix completion d ||M o (U V^T - Y)||_F^2 / dU = 2 (M o M o R) V and /dV = 2 (M o M o R)^T U;
d ||z o w||^2/dw = 2 z o z o w with Hessian 2 diag(z o z)."""
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
    print(f"{label:<58} {verdict}   {detail}")
    return same == expect


def grad(f, X, h=1e-6):
    """Central finite differences of a scalar function, in the shape of X (denominator layout)."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = h
        G[idx] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def jac(f, x, h=1e-6):
    """Central finite differences of a vector function of a vector: m x n (the site's layout)."""
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(f(x + h * e)) - np.ravel(f(x - h * e))) / (2 * h))
    return np.column_stack(cols)


def hessian(f, x, h=1e-4):
    """Central differences of the gradient: the n x n Hessian."""
    return jac(lambda z: grad(f, z, h), x, h)


rng = np.random.default_rng(7)
m, n, k = 5, 4, 2
X, Y = rng.standard_normal((m, n)), rng.standard_normal((m, n))
M = rng.uniform(0.0, 2.0, (m, n))
U, V = rng.standard_normal((m, k)), rng.standard_normal((n, k))
z, w = rng.standard_normal(n), rng.standard_normal(n)
fro2 = lambda Z: (Z ** 2).sum()

ok = check("d ||M o (X - Y)||_F^2/dX = 2 M o M o (X - Y)", grad(lambda Z: fro2(M * (Z - Y)), X), 2 * M * M * (X - Y))
R = U @ V.T - Y
ok &= check("d ||M o (U V^T - Y)||_F^2/dU = 2 (M o M o R) V", grad(lambda Z: fro2(M * (Z @ V.T - Y)), U),
            2 * (M * M * R) @ V)
ok &= check("d ||M o (U V^T - Y)||_F^2/dV = 2 (M o M o R)^T U", grad(lambda Z: fro2(M * (U @ Z.T - Y)), V),
            2 * (M * M * R).T @ U)
ok &= check("mask once is not enough: 2 M o (X - Y)", grad(lambda Z: fro2(M * (Z - Y)), X), 2 * M * (X - Y),
            expect=False)
ok &= check("d ||z o w||^2/dw = 2 z o z o w", grad(lambda v: fro2(z * v), w), 2 * z * z * w)
ok &= check("Hessian of ||z o w||^2 = 2 diag(z o z)", hessian(lambda v: fro2(z * v), w), 2 * np.diag(z * z))

sys.exit(0 if ok else 1)
