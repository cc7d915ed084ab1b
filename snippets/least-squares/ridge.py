"""Ridge regression: R(w) = ||y - Xw||^2 + lambda ||w||^2 has gradient -2 X^T (y - Xw) + 2 lambda w.

Its minimizer (X^T X + lambda I)^{-1} X^T y is also the posterior mean of Bayesian linear
regression with a zero prior mean and prior precision matrix lambda I (times the noise precision).
"""
import sys

import numpy as np
import sympy as sp


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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


rng = np.random.default_rng(0)
m, n, lam = 6, 3, 0.7  # m examples, n features
X = rng.standard_normal((m, n))
y = rng.standard_normal((m, 1))
w = rng.standard_normal((n, 1))
R = lambda w: (np.linalg.norm(y - X @ w) ** 2 + lam * np.linalg.norm(w) ** 2)

G = num_grad(R, w)
ok = check("dR/dw = -2 X^T (y - Xw) + 2 lambda w", G, -2 * X.T @ (y - X @ w) + 2 * lam * w)

w_ridge = np.linalg.solve(X.T @ X + lam * np.eye(n), X.T @ y)
scale = np.abs(X.T @ y).max()  # compare the gradient on the scale of a typical one
ok &= check("dR/dw = 0 at (X^T X + lambda I)^{-1} X^T y", num_grad(R, w_ridge) / scale,
            np.zeros((n, 1)))
# The Bayesian posterior mean by Gaussian conditioning: prior w ~ N(0, (beta lambda)^{-1} I),
# noise precision beta; its value does not depend on beta.
beta = 3.0
Sigma0 = np.eye(n) / (beta * lam)
mean = Sigma0 @ X.T @ np.linalg.solve(X @ Sigma0 @ X.T + np.eye(m) / beta, y)
ok &= check("= Bayesian posterior mean, S0 = lambda I, m0 = 0", mean, w_ridge)

Xs, ys, ws = sp.MatrixSymbol("X", m, n), sp.MatrixSymbol("y", m, 1), sp.MatrixSymbol("w", n, 1)
D = ((ys - Xs * ws).T * (ys - Xs * ws) + lam * ws.T * ws).diff(ws)
value = sp.Matrix(D.subs({Xs: sp.Matrix(X), ys: sp.Matrix(y), ws: sp.Matrix(w)}))
ok &= check(f"SymPy: dR/dw = {D}", value, G)

sys.exit(0 if ok else 1)
