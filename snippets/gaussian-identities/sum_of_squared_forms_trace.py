"""The trace form of the sum of two squared forms (Matrix Cookbook (364)-(367)), for matrices whose
columns share the covariances."""
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
    print(f"{label:<64} {verdict}   {detail}")
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


inv, det, tr = np.linalg.inv, np.linalg.det, np.trace


def spd(rng, n):
    M = rng.standard_normal((n, n))
    return M @ M.T + n * np.eye(n)


def gauss(x, m, S):
    """The Gaussian density with mean m and covariance S at x (column vectors)."""
    r = x - m
    return np.exp(-0.5 * (r.T @ inv(S) @ r).item()) / np.sqrt(det(2 * np.pi * S))


rng = np.random.default_rng(364)
n, k = 3, 2
S1, S2 = spd(rng, n), spd(rng, n)
M1, M2, X = (rng.standard_normal((n, k)) for _ in range(3))
I1, I2 = inv(S1), inv(S2)
Sc = S1 @ inv(S1 + S2) @ S2
Mc = M1 + S1 @ inv(S1 + S2) @ (M2 - M1)
CM = -0.5 * tr((M1 - M2).T @ inv(S1 + S2) @ (M1 - M2))
q = lambda Z, M, Si: -0.5 * tr((Z - M).T @ Si @ (Z - M))

ok = check("(366) M_c = (S1^-1 + S2^-1)^-1 (S1^-1 M1 + S2^-1 M2)", Mc, inv(I1 + I2) @ (I1 @ M1 + I2 @ M2))
ok &= check("(364) the trace form of the sum", q(X, M1, I1) + q(X, M2, I2), q(X, Mc, inv(Sc)) + CM)
C_printed = (0.5 * tr((I1 @ M1 + I2 @ M2).T @ inv(I1 + I2) @ (I1 @ M1 + I2 @ M2))
             - 0.5 * tr(M1.T @ I1 @ M1 + M2.T @ I2 @ M2))
ok &= check("(367) the Cookbook's constant = C_M", C_printed, CM)
ok &= check("means added instead of precision-weighted", Mc, 0.5 * (M1 + M2), expect=False)

sys.exit(0 if ok else 1)
