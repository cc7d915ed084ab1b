"""Least squares with a rank-deficient design: the gradient, the exact split of the error, the minimum-norm solution."""
import sys

import numpy as np


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
    print(f"{label:<60} {verdict}   {detail}")
    return same == expect


def grad(f, X, h=1e-6):
    """Central finite differences of a scalar function, in the shape of X (denominator layout)."""
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = h
        G[idx] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def jac(f, x, h=1e-6):
    """Central finite differences of a vector function of a vector: m x n (the site's layout)."""
    cols = []
    for i in range(x.shape[0]):
        e = np.zeros_like(x)
        e[i] = h
        cols.append(((f(x + e) - f(x - e)) / (2 * h)).reshape(-1))
    return np.array(cols).T


def d_dt(F, t, h=1e-6):
    """Central finite difference of a matrix function of a scalar (entry by entry)."""
    return (F(t + h) - F(t - h)) / (2 * h)


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

rng = np.random.default_rng(7)
m, n, r = 7, 5, 3
A = rank_r(rng, m, n, r)
Ap = pinv(A)
b, x, z = rng.standard_normal(m), rng.standard_normal(n), rng.standard_normal(n)
xh = Ap @ b
L = lambda x: np.sum((A @ x - b) ** 2)
g = grad(L, x)
ok = check("dL/dx = 2 A^T (A x - b)  (finite differences)", g, 2 * A.T @ (A @ x - b))
ok &= check("dL/dx = 2 A^T A (x - A^+ b)", g, 2 * A.T @ A @ (x - xh))
ok &= check("A^T (A x_hat - b) = 0", A.T @ (A @ xh - b), np.zeros(n))
ok &= check("||Ax - b||^2 = ||A(x - x_hat)||^2 + ||(I - AA^+) b||^2", L(x),
            np.sum((A @ (x - xh)) ** 2) + np.sum(((np.eye(m) - A @ Ap) @ b) ** 2))
N = np.eye(n) - Ap @ A                    # projection onto the null space
ok &= check("A (x_hat + (I - A^+ A) z) = A x_hat", A @ (xh + N @ z), A @ xh)
ok &= check("x_hat^T (I - A^+ A) z = 0", xh @ N @ z, 0.0)
ok &= check("||x_hat + N z||^2 = ||x_hat||^2 + ||N z||^2", np.sum((xh + N @ z) ** 2), np.sum(xh ** 2) + np.sum((N @ z) ** 2))
ok &= check("lstsq's minimum-norm solution is A^+ b", np.linalg.lstsq(A, b, rcond=None)[0], xh)
# gradient descent from zero converges to the minimum-norm minimizer
w = np.zeros(n)
step = 1 / np.linalg.norm(A, 2) ** 2
for _ in range(4000):
    w = w - step * A.T @ (A @ w - b)
ok &= check("gradient descent from 0 ends at A^+ b", w, xh, tol=1e-6)
ok &= check("... not at another minimizer x_hat + N z", w, xh + N @ z, expect=False)

sys.exit(0 if ok else 1)
