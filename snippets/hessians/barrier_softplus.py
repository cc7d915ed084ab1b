"""Diagonal Hessians: -1^T log(p) has diag(p)^{-2}; 1^T softplus(z) has diag(sigma (1 - sigma))."""
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


rng = np.random.default_rng(104)
n = 4
p, z = rng.uniform(0.5, 2.0, n), rng.standard_normal(n)
sigma = 1 / (1 + np.exp(-z))

ok = check("Hessian of -1^T log(p) = diag(p)^{-1} diag(p)^{-1}", num_hessian(lambda p: -np.sum(np.log(p)), p),
           np.diag(1 / p ** 2), tol=1e-5)
ok &= check("Hessian of 1^T log(1 + exp(z)) = diag(sigma (1 - sigma))",
            num_hessian(lambda z: np.sum(np.logaddexp(0, z)), z), np.diag(sigma * (1 - sigma)))

sys.exit(0 if ok else 1)
