"""The softmax backward pass in linear time: d (g^T s)/dz = s * (g - (s^T g) 1) = (diag(s) - s s^T) g."""
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


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


rng = np.random.default_rng(81)
n = 6
z, g = rng.standard_normal(n), rng.standard_normal(n)
s = softmax(z)
vjp = s * (g - s @ g)

ok = check("d (g^T s)/dz = s * (g - (s^T g) 1)", num_grad(lambda z: g @ softmax(z), z), vjp)
ok &= check("= (diag(s) - s s^T) g", vjp, (np.diag(s) - np.outer(s, s)) @ g)

sys.exit(0 if ok else 1)
