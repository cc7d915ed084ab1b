"""d(x^T B x)/dx: x^T (B + B^T) in numerator layout, (B + B^T) x in denominator layout."""
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


rng = np.random.default_rng(152)
n = 4
B, x = rng.standard_normal((n, n)), rng.standard_normal(n)
d = num_grad(lambda x: x @ B @ x, x)

ok = check("numerator: d(x^T B x)/dx = x^T (B + B^T)", d.reshape(1, n), (x @ (B + B.T)).reshape(1, n))
ok &= check("denominator: d(x^T B x)/dx = (B + B^T) x", d.reshape(n, 1), ((B + B.T) @ x).reshape(n, 1))

sys.exit(0 if ok else 1)
