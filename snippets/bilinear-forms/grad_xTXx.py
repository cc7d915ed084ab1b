"""x^T X x: d/dX = x x^T, d/dx = (X + X^T) x (X square, not symmetric)."""
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


rng = np.random.default_rng(23)
n = 4
X = rng.standard_normal((n, n))
x = rng.standard_normal((n, 1))

ok = check("d (x^T X x)/dX = x x^T", num_grad(lambda X: (x.T @ X @ x).item(), X), x @ x.T)
gx = num_grad(lambda x: (x.T @ X @ x).item(), x)
ok &= check("d (x^T X x)/dx = (X + X^T) x", gx, (X + X.T) @ x)
ok &= check("d (x^T X x)/dx = 2 X x  (only for symmetric X)", gx, 2 * X @ x, expect=False)

sys.exit(0 if ok else 1)
