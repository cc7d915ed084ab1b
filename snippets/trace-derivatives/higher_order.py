"""Traces of powers and a quartic form (Matrix Cookbook (121)-(123))."""
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

rng = np.random.default_rng(121)
n = 4
X, A = rng.standard_normal((n, n)), rng.standard_normal((n, n))
X2 = X @ X
ok = check("d Tr(X^3)/dX = 3 (X^2)^T", grad(lambda Z: tr(Z @ Z @ Z), X), 3 * X2.T)
ok &= check("d Tr(A X^3)/dX = (A X^2)^T + (X A X)^T + (X^2 A)^T", grad(lambda Z: tr(A @ Z @ Z @ Z), X),
            (A @ X2).T + (X @ A @ X).T + (X2 @ A).T)
ok &= check("d Tr(A X^3)/dX = 3 (A X^2)^T  (not one term thrice)", grad(lambda Z: tr(A @ Z @ Z @ Z), X),
            3 * (A @ X2).T, expect=False)
mp = np.linalg.matrix_power
for k in (1, 2, 4):
    ok &= check(f"d Tr(X^k)/dX = k (X^(k-1))^T, k = {k}", grad(lambda Z: tr(mp(Z, k)), X), k * mp(X, k - 1).T)
    ok &= check(f"d Tr(A X^k)/dX = sum_r (X^r A X^(k-r-1))^T, k = {k}", grad(lambda Z: tr(A @ mp(Z, k)), X),
                sum((mp(X, r) @ A @ mp(X, k - r - 1)).T for r in range(k)))
m, p = 3, 5
X, B, C = rng.standard_normal((m, n)), rng.standard_normal((n, p)), rng.standard_normal((m, m))
f = lambda Z: tr(B.T @ Z.T @ C @ Z @ Z.T @ C @ Z @ B)
BB = B @ B.T
want = C @ X @ X.T @ C @ X @ BB + C.T @ X @ BB @ X.T @ C.T @ X + C @ X @ BB @ X.T @ C @ X \
    + C.T @ X @ X.T @ C.T @ X @ BB
ok &= check("d Tr(B^T X^T C X X^T C X B)/dX (four terms)", grad(f, X), want)

sys.exit(0 if ok else 1)
