"""Meyer's rank-one update making a square invertible matrix singular: case 6 (Cookbook 168, 182, 183)."""
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


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

def vp(x):
    """The pseudo-inverse of a column vector, as a row: x^T / ||x||^2."""
    return x.T / (x.T @ x)


def parts(A, c, d):
    Ap = pinv(A)
    beta = 1 + (d.T @ Ap @ c).item()
    v, h = Ap @ c, Ap.T @ d                  # the Cookbook's v and n
    w = (np.eye(A.shape[0]) - A @ Ap) @ c
    z = (np.eye(A.shape[1]) - Ap @ A).T @ d  # the Cookbook's m
    return Ap, beta, v, h, w, z


def beta_zero(v, e):
    """A d with d^T v = -1, so that beta = 1 + d^T A^+ c = 0."""
    return e - (1 + (e.T @ v).item()) / (v.T @ v).item() * v


rng = np.random.default_rng(168)
m, n, r = 6, 4, 2
col = lambda k: rng.standard_normal((k, 1))
nrm2 = lambda x: (x.T @ x).item()
ok = True

# case 6: square invertible (w = z = 0), beta = 0: the update is singular
S, p = rng.standard_normal((n, n)) + 2 * np.eye(n), col(n)
Si = inv(S)
q = beta_zero(Si @ p, col(n))
Ap, b, v, h, w, z = parts(S, p, q)
ok &= check("S + p q^T is singular", np.linalg.matrix_rank(S + p @ q.T), n - 1)
G1 = -v @ vp(v) @ Si - Si @ h @ vp(h) + (vp(v) @ Si @ h).item() * v @ vp(h)
G2 = -v @ v.T @ Si / nrm2(v) - Si @ h @ h.T / nrm2(h) + (v.T @ Si @ h).item() / (nrm2(v) * nrm2(h)) * v @ h.T
ok &= check("case 6 (square, beta = 0): vector pseudo-inverses", pinv(S + p @ q.T), Si + G1)
ok &= check("case 6 written out", pinv(S + p @ q.T), Si + G2)

sys.exit(0 if ok else 1)
