"""The Lyapunov equations: A X + X A^T + Q = 0 gives vec(X) = -(I kron A + A kron I)^{-1} vec(Q);
Sigma = A Sigma A^T + Q gives vec(Sigma) = (I - A kron A)^{-1} vec(Q), the stationary covariance
of x_{t+1} = A x_t + noise, checked against its power series sum_j A^j Q (A^T)^j."""
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
    print(f"{label:<58} {verdict}   {detail}")
    return same == expect


vec = lambda M: M.reshape(-1, 1, order="F")  # stack the columns (Fortran order)
inv, det, pinv = np.linalg.inv, np.linalg.det, np.linalg.pinv

rng = np.random.default_rng(272)
n = 4
A, X = rng.standard_normal((n, n)), rng.standard_normal((n, n))
I = np.eye(n)
Q = -(A @ X + X @ A.T)
ok = check("vec(X) = -(I kron A + A kron I)^{-1} vec(Q)", vec(X), -np.linalg.solve(np.kron(I, A) + np.kron(A, I), vec(Q)))

As = 0.5 * A / np.max(np.abs(np.linalg.eigvals(A)))     # stable: spectral radius 0.5
L = rng.standard_normal((n, n))
Qd = L @ L.T                                           # a noise covariance
Sigma = (np.linalg.solve(np.eye(n * n) - np.kron(As, As), vec(Qd))).reshape(n, n, order="F")
ok &= check("Sigma = A Sigma A^T + Q for vec(Sigma) = (I - A kron A)^{-1} vec(Q)", Sigma, As @ Sigma @ As.T + Qd)
series = sum(np.linalg.matrix_power(As, j) @ Qd @ np.linalg.matrix_power(As.T, j) for j in range(200))
ok &= check("= sum_j A^j Q (A^T)^j  (the stationary covariance)", Sigma, series)

sys.exit(0 if ok else 1)
