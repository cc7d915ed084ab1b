"""dL/dS = (S^{-1} r r^T S^{-1} - S^{-1}) / 2 with r = x - mu (each entry perturbed independently);
summed over a data set it vanishes at the maximum-likelihood covariance, the mean outer product."""
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


rng = np.random.default_rng(121)
n, N = 3, 50
mu = rng.standard_normal(n)
x = rng.standard_normal(n)
R = rng.standard_normal((n, n))
S = R @ R.T + np.eye(n)
L = lambda S, x: -0.5 * (x - mu) @ np.linalg.solve(S, x - mu) - 0.5 * np.linalg.slogdet(S)[1]
Si, r = np.linalg.inv(S), x - mu

ok = check("dL/dS = (S^{-1} r r^T S^{-1} - S^{-1}) / 2", num_grad(lambda S: L(S, x), S),
           0.5 * (Si @ np.outer(r, r) @ Si - Si))

Xs = rng.standard_normal((N, n)) @ R.T + mu
S_ml = (Xs - mu).T @ (Xs - mu) / N
Smi = np.linalg.inv(S_ml)
total = sum(0.5 * (Smi @ np.outer(xi - mu, xi - mu) @ Smi - Smi) for xi in Xs)
ok &= check("sum of gradients = 0 at the ML covariance", total / N, np.zeros((n, n)), tol=1e-12)
ok &= check("... and not at another covariance", sum(num_grad(lambda S: L(S, xi), S) for xi in Xs) / N,
            np.zeros((n, n)), expect=False)

sys.exit(0 if ok else 1)
