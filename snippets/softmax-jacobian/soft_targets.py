"""Cross-entropy with a soft target y (entries positive, summing to 1): d (-y^T log softmax(z))/dz = s - y.
With targets that do not sum to 1 the formula fails: the sum is what the derivation uses."""
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


def log_softmax(z):
    top = z.max()
    return z - (top + np.log(np.sum(np.exp(z - top))))


rng = np.random.default_rng(84)
n = 5
z = rng.standard_normal(n)
y = rng.uniform(0.1, 1.0, n)
y /= y.sum()  # a soft target, e.g. a smoothed label or a teacher's probabilities
s = np.exp(log_softmax(z))

ok = check("d (-y^T log softmax(z))/dz = s - y", num_grad(lambda z: -y @ log_softmax(z), z), s - y)
y2 = 2 * y  # sums to 2
ok &= check("the same with targets summing to 2", num_grad(lambda z: -y2 @ log_softmax(z), z), s - y2,
            expect=False)

sys.exit(0 if ok else 1)
