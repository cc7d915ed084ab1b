"""KL(N(m0, S0) || N(m1, S1)) = (Tr(S1^{-1} S0 - I) + d^T S1^{-1} d + log det S1 - log det S0) / 2,
d = m1 - m0; checked against a Monte Carlo estimate, then its gradients:
grad_m0 = S1^{-1} (m0 - m1), d/dS0 = (S1^{-1} - S0^{-1}) / 2,
d/dS1 = (S1^{-1} - S1^{-1} (S0 + d d^T) S1^{-1}) / 2."""
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


def spd(rng, n):
    R = rng.standard_normal((n, n))
    return R @ R.T / n + np.eye(n)


def kl(m0, S0, m1, S1):
    d = m1 - m0
    S1i = np.linalg.inv(S1)
    return 0.5 * (np.trace(S1i @ S0 - np.eye(len(m0))) + d @ S1i @ d
                  + np.linalg.slogdet(S1)[1] - np.linalg.slogdet(S0)[1])


def logpdf(X, m, S):
    r = X - m
    return -0.5 * np.sum(r @ np.linalg.inv(S) * r, axis=1) - 0.5 * np.linalg.slogdet(2 * np.pi * S)[1]


rng = np.random.default_rng(123)
n = 3
m0, m1 = rng.standard_normal(n), rng.standard_normal(n)
S0, S1 = spd(rng, n), spd(rng, n)

X = rng.multivariate_normal(m0, S0, size=200_000)
mc = np.mean(logpdf(X, m0, S0) - logpdf(X, m1, S1))
ok = check("closed form = Monte Carlo estimate (200k samples)", kl(m0, S0, m1, S1), mc, tol=2e-2)

d, S0i, S1i = m1 - m0, np.linalg.inv(S0), np.linalg.inv(S1)
ok &= check("grad_m0 D = S1^{-1} (m0 - m1)", num_grad(lambda m: kl(m, S0, m1, S1), m0), S1i @ (m0 - m1))
ok &= check("dD/dS0 = (S1^{-1} - S0^{-1}) / 2", num_grad(lambda S: kl(m0, S, m1, S1), S0), 0.5 * (S1i - S0i))
ok &= check("dD/dS1 = (S1^{-1} - S1^{-1} (S0 + d d^T) S1^{-1}) / 2", num_grad(lambda S: kl(m0, S0, m1, S), S1),
            0.5 * (S1i - S1i @ (S0 + np.outer(d, d)) @ S1i))
ok &= check("D = 0 for equal distributions", kl(m0, S0, m0, S0), 0.0, tol=1e-12)

sys.exit(0 if ok else 1)
