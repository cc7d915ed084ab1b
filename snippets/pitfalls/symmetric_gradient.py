"""Gradients with respect to a symmetric matrix. G is the unconstrained gradient (every entry
perturbed on its own). Along a symmetric direction V, the directional derivative is Tr(G^T V) =
Tr(sym(G) V); the free-entries matrix G + G^T - G*I overcounts the off-diagonal entries. That
matrix is right in its own sense: its (i, j) entry, i != j, is the derivative when S_ij and S_ji
move together."""
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


def num_deriv(F, t, h=1e-6):
    """Central difference in a scalar t (entry by entry for a matrix-valued F)."""
    return (np.asarray(F(t + h)) - np.asarray(F(t - h))) / (2 * h)


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


rng = np.random.default_rng(162)
n = 4
R = rng.standard_normal((n, n))
S = R @ R.T + n * np.eye(n)      # symmetric positive definite
a, b = rng.standard_normal(n), rng.standard_normal(n)
f = lambda S: a @ S @ b + np.linalg.slogdet(S)[1]

G = num_grad(f, S)
ok = check("unconstrained gradient = a b^T + S^{-1}", G, np.outer(a, b) + np.linalg.inv(S))
sym = (G + G.T) / 2
free = G + G.T - G * np.eye(n)

V = rng.standard_normal((n, n))
V = V + V.T                      # a symmetric direction
directional = num_deriv(lambda t: f(S + t * V), 0.0)
ok &= check("d/dt f(S + tV) = Tr(G^T V)", directional, np.trace(G.T @ V))
ok &= check("d/dt f(S + tV) = Tr(sym(G) V)", directional, np.trace(sym @ V))
ok &= check("d/dt f(S + tV) = Tr((G + G^T - G*I)^T V)  (wrong)", directional, np.trace(free.T @ V), expect=False)

h, partials = 1e-6, np.zeros((n, n))
for i in range(n):
    for j in range(n):
        E = np.zeros((n, n))
        E[i, j] = E[j, i] = h    # move S_ij and S_ji together (one free entry)
        partials[i, j] = (f(S + E) - f(S - E)) / (2 * h)
ok &= check("free-entry partials = G + G^T - G*I", partials, free)

# A gradient step along the symmetric gradient keeps the matrix symmetric.
step = S - 1e-3 * sym
ok &= check("a step along -sym(G) keeps S symmetric", step, step.T)

sys.exit(0 if ok else 1)
