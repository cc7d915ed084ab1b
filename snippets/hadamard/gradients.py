"""Gradients through a Hadamard product, by central differences: d Tr(A^T (B o X))/dX = A o B,
d a^T (X o B) b/dX = (a b^T) o B, d Tr(A^T (X o X))/dX = 2 A o X, d 1^T (x o y)/dx = y,
d (x o y)/dx = diag(y), d x^T (S o T) x/dx = (S o T + S^T o T^T) x."""
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


rng = np.random.default_rng(6)
m, n = 3, 4
X, A, B = (rng.standard_normal((m, n)) for _ in range(3))
a, b = rng.standard_normal(m), rng.standard_normal(n)
x, y = rng.standard_normal(n), rng.standard_normal(n)
S, T = rng.standard_normal((n, n)), rng.standard_normal((n, n))
tr = np.trace

ok = check("d Tr(A^T (B o X))/dX = A o B", grad(lambda Z: tr(A.T @ (B * Z)), X), A * B)
ok &= check("d a^T (X o B) b/dX = (a b^T) o B", grad(lambda Z: a @ (Z * B) @ b, X), np.outer(a, b) * B)
ok &= check("d Tr(A^T (X o X))/dX = 2 A o X", grad(lambda Z: tr(A.T @ (Z * Z)), X), 2 * A * X)
ok &= check("d 1^T (x o y)/dx = y", grad(lambda z: (z * y).sum(), x), y)
ok &= check("d (x o y)/dx = diag(y)", jac(lambda z: z * y, x), np.diag(y))
ok &= check("d x^T (S o T) x/dx = (S o T + S^T o T^T) x", grad(lambda z: z @ (S * T) @ z, x), (S * T + S.T * T.T) @ x)
ok &= check("not 2 (S o T) x: S o T is not symmetric", grad(lambda z: z @ (S * T) @ z, x), 2 * (S * T) @ x,
            expect=False)

sys.exit(0 if ok else 1)
