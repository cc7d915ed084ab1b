"""Gaussian log-density L = -(x - mu)^T S^{-1} (x - mu) / 2 - log det S / 2 (+ const):
grad_mu L = S^{-1} (x - mu), grad_x L = -S^{-1} (x - mu), Hessian in mu = -S^{-1}.
The constant is checked against the density itself."""
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


rng = np.random.default_rng(120)
n = 3
x, mu = rng.standard_normal(n), rng.standard_normal(n)
R = rng.standard_normal((n, n))
S = R @ R.T + np.eye(n)
Si = np.linalg.inv(S)
L = lambda x, mu: -0.5 * (x - mu) @ Si @ (x - mu) - 0.5 * np.linalg.slogdet(S)[1]

density = np.exp(-0.5 * (x - mu) @ Si @ (x - mu)) / np.sqrt((2 * np.pi) ** n * np.linalg.det(S))
ok = check("log density = L - (n/2) log(2 pi)", np.log(density), L(x, mu) - n / 2 * np.log(2 * np.pi))
ok &= check("grad_mu L = S^{-1} (x - mu)", num_grad(lambda m: L(x, m), mu), Si @ (x - mu))
ok &= check("grad_x L = -S^{-1} (x - mu)", num_grad(lambda x: L(x, mu), x), -Si @ (x - mu))
ok &= check("Hessian in mu = -S^{-1}", num_hessian(lambda m: L(x, m), mu), -Si)

sys.exit(0 if ok else 1)
