"""The sum of two squared forms (Matrix Cookbook (360)-(363)): the combined covariance and mean in the
precision form and the gain form, and the constant."""
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


rng = np.random.default_rng(360)
n = 3
S1, S2 = spd(rng, n), spd(rng, n)
m1, m2, x = (rng.standard_normal((n, 1)) for _ in range(3))
I1, I2 = inv(S1), inv(S2)
Sc = S1 @ inv(S1 + S2) @ S2                      # the gain form
mc = m1 + S1 @ inv(S1 + S2) @ (m2 - m1)
C = (-0.5 * (m1 - m2).T @ inv(S1 + S2) @ (m1 - m2)).item()
q = lambda z, m, Si: (-0.5 * (z - m).T @ Si @ (z - m)).item()

ok = check("(361) Sigma_c^-1 = Sigma_1^-1 + Sigma_2^-1", inv(Sc), I1 + I2)
ok &= check("(371) Sigma_c = (Sigma_1^-1 + Sigma_2^-1)^-1", Sc, inv(I1 + I2))
ok &= check("Sigma_c = Sigma_2 (Sigma_1 + Sigma_2)^-1 Sigma_1", Sc, S2 @ inv(S1 + S2) @ S1)
ok &= check("(362) m_c = (Sigma_1^-1 + Sigma_2^-1)^-1 (Sigma_1^-1 m_1 + Sigma_2^-1 m_2)", mc,
            inv(I1 + I2) @ (I1 @ m1 + I2 @ m2))
ok &= check("(360) sum of two squared forms = one squared form + C", q(x, m1, I1) + q(x, m2, I2),
            q(x, mc, inv(Sc)) + C)
C_printed = (0.5 * (m1.T @ I1 + m2.T @ I2) @ inv(I1 + I2) @ (I1 @ m1 + I2 @ m2)
             - 0.5 * (m1.T @ I1 @ m1 + m2.T @ I2 @ m2)).item()
ok &= check("(363) the Cookbook's C = -1/2 (m1-m2)^T (S1+S2)^-1 (m1-m2)", C_printed, C)
ok &= check("without C", q(x, m1, I1) + q(x, m2, I2), q(x, mc, inv(Sc)), expect=False)

sys.exit(0 if ok else 1)
