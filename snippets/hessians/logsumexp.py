"""Hessian of logsumexp(x) = diag(s) - s s^T (s = softmax(x)), with the ones vector in its null
space; for logsumexp(B x) it is B^T (diag(s) - s s^T) B with s = softmax(B x)."""
import sys

import numpy as np


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


rng = np.random.default_rng(103)
m, n = 5, 3
x, B = rng.standard_normal(n), rng.standard_normal((m, n))
s = softmax(x)
H = np.diag(s) - np.outer(s, s)

ok = check("Hessian of logsumexp(x) = diag(s) - s s^T", num_hessian(logsumexp, x), H)
ok &= check("(diag(s) - s s^T) 1 = 0", H @ np.ones(n), np.zeros(n), tol=1e-12)
sB = softmax(B @ x)
ok &= check("Hessian of logsumexp(Bx) = B^T (diag(s) - s s^T) B", num_hessian(lambda x: logsumexp(B @ x), x),
            B.T @ (np.diag(sB) - np.outer(sB, sB)) @ B)

sys.exit(0 if ok else 1)
