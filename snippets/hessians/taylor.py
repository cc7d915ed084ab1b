"""A quadratic q(x) = x^T A x + a^T x equals its second-order Taylor expansion at every x, for
every step d; for a non-quadratic function the error of the expansion shrinks like |d|^3."""
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


rng = np.random.default_rng(102)
n = 5
A, a = rng.standard_normal((n, n)), rng.standard_normal(n)
x, d = rng.standard_normal(n), 3 * rng.standard_normal(n)
q = lambda x: x @ A @ x + a @ x
grad, hess = (A + A.T) @ x + a, A + A.T

ok = check("q(x + d) = q + grad^T d + d^T H d / 2", q(x + d), q(x) + grad @ d + 0.5 * d @ hess @ d)

f = lambda x: np.sum(np.logaddexp(0, x)) + np.sin(x[0])  # not quadratic
sig = 1 / (1 + np.exp(-x))
e0 = np.eye(n)[0]
g = sig + np.cos(x[0]) * e0
H = np.diag(sig * (1 - sig)) - np.sin(x[0]) * np.outer(e0, e0)
ok &= check("non-quadratic: gradient and Hessian as coded", num_hessian(f, x), H, tol=1e-5)
errs = [abs(f(x + t * d) - (f(x) + t * g @ d + 0.5 * t * t * d @ H @ d)) for t in (1e-2, 5e-3)]
ok &= check("non-quadratic: error ratio for half the step ~ 1/8", errs[1] / errs[0], 1 / 8, tol=0.05)

sys.exit(0 if ok else 1)
