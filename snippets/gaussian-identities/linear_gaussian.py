"""Conditioning a linear-Gaussian model: Bayes' rule as an identity between densities, the Kalman forms of the
posterior, and the posterior as the conditional of the joint Gaussian of x and y."""
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


rng = np.random.default_rng(10)
n, k = 3, 2
P, R = spd(rng, n), spd(rng, k)
H = rng.standard_normal((k, n))
mu, x, y = rng.standard_normal((n, 1)), rng.standard_normal((n, 1)), rng.standard_normal((k, 1))
Ph = inv(inv(P) + H.T @ inv(R) @ H)
mh = Ph @ (H.T @ inv(R) @ y + inv(P) @ mu)
S = H @ P @ H.T + R
K = P @ H.T @ inv(S)
z = gauss(y, H @ mu, S)

ok = check("likelihood x prior = evidence x posterior", gauss(y, H @ x, R) * gauss(x, mu, P), z * gauss(x, mh, Ph))
ok &= check("P_hat = P - P H^T (H P H^T + R)^-1 H P", Ph, P - P @ H.T @ inv(S) @ H @ P)
ok &= check("P_hat = (I - K H) P", Ph, (np.eye(n) - K @ H) @ P)
ok &= check("m_hat = mu + K (y - H mu)", mh, mu + K @ (y - H @ mu))
ok &= check("K = P_hat H^T R^-1", K, Ph @ H.T @ inv(R))
ok &= check("Joseph form", Ph, (np.eye(n) - K @ H) @ P @ (np.eye(n) - K @ H).T + K @ R @ K.T)
ok &= check("det(P) det(R) = det(H P H^T + R) det(P_hat)", det(P) * det(R), det(S) * det(Ph))
# The same posterior as the conditional of the joint Gaussian of (x, y).
J = np.block([[P, P @ H.T], [H @ P, S]])
ok &= check("joint covariance: Schur complement of the y block = P_hat", J[:n, :n] - J[:n, n:] @ inv(J[n:, n:]) @ J[n:, :n], Ph)
ok &= check("and P_hat^-1 is the (x, x) block of the joint precision", inv(Ph), inv(J)[:n, :n])
ok &= check("posterior covariance taken as the prior's", z * gauss(x, mh, P), gauss(y, H @ x, R) * gauss(x, mu, P),
            expect=False)

sys.exit(0 if ok else 1)
