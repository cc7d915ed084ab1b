"""Labels t in {-1, +1}: L = 1^T log(1 + exp(-t * Xw)), gradient -X^T (t * sigma(-t * Xw));
the same loss as binary cross-entropy with y = (t + 1) / 2."""
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


rng = np.random.default_rng(95)
N, n = 8, 3
X, w = rng.standard_normal((N, n)), rng.standard_normal(n)
t = rng.choice([-1.0, 1.0], N)
sigma = lambda z: 1 / (1 + np.exp(-z))
Lt = lambda w: np.sum(np.logaddexp(0, -t * (X @ w)))
y = (t + 1) / 2
Ly = lambda w: np.sum(np.logaddexp(0, X @ w)) - y @ (X @ w)

ok = check("grad L_t = -X^T (t * sigma(-t * Xw))", num_grad(Lt, w), -X.T @ (t * sigma(-t * (X @ w))))
ok &= check("L_t = BCE with y = (t + 1)/2", Lt(w), Ly(w))

sys.exit(0 if ok else 1)
