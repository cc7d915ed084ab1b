"""The general rule for structured variables (Matrix Cookbook (133), (138)): with G the ordinary gradient
of g at a symmetric X, the derivative over the free entries is G + G^T - G o I; for a diagonal Z it
is G o I; the structure matrix dX/dX_ij = J^ij + J^ji - J^ij J^ij. By central differences."""
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


def grad_free(f, X, pattern, h=1e-6):
    """d f / d x_ij over free entries: E_ij (+ E_ji for a symmetric pair) moves together."""
    G = np.zeros_like(X)
    for i, j in np.ndindex(X.shape):
        if pattern == "diagonal" and i != j:
            continue
        E = np.zeros_like(X)
        E[i, j] = h
        if pattern == "symmetric":
            E[j, i] = h
        G[i, j] = (f(X + E) - f(X - E)) / (2 * h)
    return G


rng = np.random.default_rng(138)
n = 4
C, M = rng.standard_normal((n, n)), rng.standard_normal((n, n))
a, b = rng.standard_normal(n), rng.standard_normal(n)
g = lambda U: np.sin(U).sum() + np.trace(C @ U @ U) + a @ U @ b   # any smooth function of a matrix
X = M + M.T
Z = np.diag(rng.standard_normal(n))
I = np.eye(n)

G = grad(g, X)                                            # ordinary gradient at X (not symmetric)
ok = check("symmetric: dg/dX = G + G^T - G o I", grad_free(g, X, "symmetric"), G + G.T - G * I)
ok &= check("symmetric: the ordinary gradient G is not it", grad_free(g, X, "symmetric"), G, expect=False)
Gz = grad(g, Z)
ok &= check("diagonal: dg/dZ = G o I", grad_free(g, Z, "diagonal"), Gz * I)
i, j = 1, 3
J = np.zeros((n, n)); J[i, j] = 1.0
S = J + J.T - J @ J                                       # J^ij J^ij = 0 off the diagonal
ok &= check("dg/dX_13 = Tr(G^T S^13), S^13 = J^13 + J^31 - J^13 J^13", grad_free(g, X, "symmetric")[i, j],
            np.trace(G.T @ S))
J = np.zeros((n, n)); J[2, 2] = 1.0
ok &= check("on the diagonal: S^22 = J^22 (counted once)", J + J.T - J @ J, J)
ok &= check("a^T X b, symmetric: a b^T + b a^T - (a b^T) o I", grad_free(lambda U: a @ U @ b, X, "symmetric"),
            np.outer(a, b) + np.outer(b, a) - np.outer(a, b) * I)

sys.exit(0 if ok else 1)
