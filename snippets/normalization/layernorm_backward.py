"""Layer norm backward for y = gamma * xhat + beta, upstream g = dL/dy, h = gamma * g:
dL/dgamma = g * xhat, dL/dbeta = g, dL/dx = (h - mean(h) - xhat mean(h * xhat)) / s (equal weights).
Checked against finite differences of a whole forward pass."""
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


rng = np.random.default_rng(132)
n, eps = 8, 1e-5
x, gamma, beta = rng.standard_normal(n), rng.standard_normal(n), rng.standard_normal(n)
C = rng.standard_normal(n)


def forward(x, gamma, beta):
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


L = lambda y: np.sum(C * np.sin(y))  # the rest of the network
y = forward(x, gamma, beta)
g = C * np.cos(y)
s = np.sqrt(x.var() + eps)
xh = (x - x.mean()) / s
h = gamma * g

ok = check("dL/dgamma = g * xhat", num_grad(lambda gm: L(forward(x, gm, beta)), gamma), g * xh)
ok &= check("dL/dbeta = g", num_grad(lambda b: L(forward(x, gamma, b)), beta), g)
ok &= check("dL/dx = (h - mean(h) - xhat mean(h * xhat)) / s", num_grad(lambda x: L(forward(x, gamma, beta)), x),
            (h - h.mean() - xh * np.mean(h * xh)) / s)

sys.exit(0 if ok else 1)
