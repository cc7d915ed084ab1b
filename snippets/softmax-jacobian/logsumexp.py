"""log-sum-exp: gradient softmax(z), Hessian diag(s) - s s^T (positive semidefinite)."""
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


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def logsumexp(z):
    top = z.max()
    return top + np.log(np.sum(np.exp(z - top)))


rng = np.random.default_rng(82)
n = 4
z = rng.standard_normal(n)
s = softmax(z)
H = np.diag(s) - np.outer(s, s)

ok = check("grad logsumexp(z) = softmax(z)", num_grad(logsumexp, z), s)
ok &= check("Hessian logsumexp(z) = diag(s) - s s^T", num_hessian(logsumexp, z), H)
ok &= check("smallest eigenvalue >= 0 (convex)", max(0.0, -np.linalg.eigvalsh(H).min()), 0.0, tol=1e-12)

sys.exit(0 if ok else 1)
