"""Attention for m queries: S = c Q K^T, P = row-softmax(S), O = P V, G = dL/dO:
dL/dV = P^T G, dL/dP = G V^T, dL/dS = P * (G V^T - rowsum(P * G V^T) 1^T), dL/dQ = c Sbar K,
dL/dK = c Sbar^T Q; the same with a causal mask (masked scores -inf, masked weights 0)."""
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


def row_softmax(S):
    E = np.exp(S - S.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


rng = np.random.default_rng(141)
m, n, d, p = 4, 4, 3, 2
Q, K, V = rng.standard_normal((m, d)), rng.standard_normal((n, d)), rng.standard_normal((n, p))
c = 1 / np.sqrt(d)
C = rng.standard_normal((m, p))
L = lambda O: np.sum(C * O ** 2)
ok = True

for label, mask in (("no mask", np.zeros((m, n))), ("causal mask", np.triu(np.full((m, n), -np.inf), 1))):
    attend = lambda Q, K, V: row_softmax(c * Q @ K.T + mask) @ V
    P = row_softmax(c * Q @ K.T + mask)
    O = P @ V
    G = 2 * C * O
    Sbar = P * (G @ V.T - np.sum(P * (G @ V.T), axis=1, keepdims=True))
    ok &= check(f"{label}: P 1 = 1", P.sum(axis=1), np.ones(m))
    ok &= check(f"{label}: dL/dV = P^T G", num_grad(lambda V: L(attend(Q, K, V)), V), P.T @ G)
    ok &= check(f"{label}: dL/dP = G V^T", num_grad(lambda P: L(P @ V), P), G @ V.T)
    ok &= check(f"{label}: dL/dS = P * (G V^T - rowsum(P * G V^T) 1^T)",
                num_grad(lambda S: L(row_softmax(S + mask) @ V), c * Q @ K.T), Sbar)
    ok &= check(f"{label}: dL/dQ = c Sbar K", num_grad(lambda Q: L(attend(Q, K, V)), Q), c * Sbar @ K)
    ok &= check(f"{label}: dL/dK = c Sbar^T Q", num_grad(lambda K: L(attend(Q, K, V)), K), c * Sbar.T @ Q)

sys.exit(0 if ok else 1)
