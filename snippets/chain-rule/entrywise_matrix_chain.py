"""The chain rule through an intermediate matrix, entry by entry (Matrix Cookbook (136), (137)):
dg/dX_ij = sum_kl dg/dU_kl dU_kl/dX_ij = Tr((dg/dU)^T dU/dX_ij), and for U = A X B the gradient
A^T (dg/dU) B^T. Every derivative by central differences."""
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


def d_entry(f, X, i, j, h=1e-6):
    """d f(X) / d X_ij by central differences (same shape as f(X))."""
    E = np.zeros_like(X)
    E[i, j] = h
    return (f(X + E) - f(X - E)) / (2 * h)


rng = np.random.default_rng(137)
m, n, p, q = 3, 2, 4, 5
A, B = rng.standard_normal((p, m)), rng.standard_normal((n, q))
c, d = rng.standard_normal(p), rng.standard_normal(q)
X = rng.standard_normal((m, n))
U = lambda Z: np.tanh(A @ Z @ B)                       # a nonlinear intermediate, p x q
g = lambda V: np.log1p(V * V).sum() + c @ V @ d          # a scalar function of it

G = grad(g, U(X))                                        # dg/dU at U(X), p x q
lhs = grad(lambda Z: g(U(Z)), X)                         # dg/dX_ij for every (i, j)
sums = np.array([[(G * d_entry(U, X, i, j)).sum() for j in range(n)] for i in range(m)])
traces = np.array([[np.trace(G.T @ d_entry(U, X, i, j)) for j in range(n)] for i in range(m)])
ok = check("dg/dX_ij = sum_kl dg/dU_kl dU_kl/dX_ij", lhs, sums)
ok &= check("dg/dX_ij = Tr((dg/dU)^T dU/dX_ij)", lhs, traces)
V = lambda Z: A @ Z @ B                                  # the linear intermediate
Gv = grad(g, V(X))
ok &= check("V = A X B: dh/dX = A^T (dh/dV) B^T", grad(lambda Z: g(V(Z)), X), A.T @ Gv @ B.T)

sys.exit(0 if ok else 1)
