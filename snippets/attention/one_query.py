"""Attention for one query: e = c K q, a = softmax(e), o = V^T a, g = dL/do:
dL/dV = a g^T, dL/da = V g, dL/de = a * (V g - (a^T V g) 1), dL/dq = c K^T ebar, dL/dK = c ebar q^T."""
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


rng = np.random.default_rng(140)
n, d, p = 5, 4, 3
q, K, V = rng.standard_normal(d), rng.standard_normal((n, d)), rng.standard_normal((n, p))
c = 1 / np.sqrt(d)
C = rng.standard_normal(p)
L = lambda o: np.sum(C * np.tanh(o))        # the rest of the network
attend = lambda q, K, V: V.T @ softmax(c * K @ q)

a = softmax(c * K @ q)
o = V.T @ a
g = C * (1 - np.tanh(o) ** 2)
ebar = a * (V @ g - (a @ V @ g))

ok = check("dL/dV = a g^T", num_grad(lambda V: L(attend(q, K, V)), V), np.outer(a, g))
ok &= check("dL/da = V g", num_grad(lambda a: L(V.T @ a), a), V @ g)
ok &= check("dL/de = a * (V g - (a^T V g) 1)", num_grad(lambda e: L(V.T @ softmax(e)), c * K @ q), ebar)
ok &= check("dL/de = a * V g  (softmax Jacobian's diagonal only)",
            num_grad(lambda e: L(V.T @ softmax(e)), c * K @ q), a * (V @ g), expect=False)
ok &= check("dL/dq = c K^T ebar", num_grad(lambda q: L(attend(q, K, V)), q), c * K.T @ ebar)
ok &= check("dL/dK = c ebar q^T", num_grad(lambda K: L(attend(q, K, V)), K), c * np.outer(ebar, q))

sys.exit(0 if ok else 1)
