"""Meyer's rank-one update of the pseudo-inverse of a tall matrix of full column rank: cases 5 and 4 (Cookbook 168, 179-181)."""
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

# case 5: tall, full column rank (z = 0), beta != 0
X, c, d = rng.standard_normal((m, n)), col(m), col(n)
Ap, b, v, h, w, z = parts(X, c, d)
ok &= check("tall X: (I - X^+ X)^T d = 0", z, np.zeros_like(z))
G = Ap @ h @ w.T / b - b / (nrm2(h) * nrm2(w) + b ** 2) * (nrm2(w) / b * Ap @ h + v) @ (nrm2(h) / b * w + h).T
ok &= check("case 5 (tall, beta != 0)", pinv(X + c @ d.T), Ap + G)
ok &= check("case 5 is not Sherman-Morrison's form", pinv(X + c @ d.T), Ap - Ap @ c @ d.T @ Ap / b, expect=False)

# case 4: tall, beta = 0
d0 = beta_zero(v, col(n))
Ap, b, v, h0, w, z = parts(X, c, d0)
ok &= check("beta = 1 + d0^T X^+ c = 0", b, 0.0)
ok &= check("case 4 (tall, beta = 0): vector pseudo-inverses", pinv(X + c @ d0.T), Ap - Ap @ h0 @ vp(h0) - v @ vp(w))
ok &= check("case 4 written out", pinv(X + c @ d0.T), Ap - Ap @ h0 @ h0.T / nrm2(h0) - v @ w.T / nrm2(w))

sys.exit(0 if ok else 1)
