"""The conditional of a partitioned Gaussian (Matrix Cookbook 8.1.3) through the Schur complement: the blocks
of the precision, both forms of the conditional mean, the split of the joint exponent and of the density."""
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


rng = np.random.default_rng(9)
p, q = 3, 2
Sigma = spd(rng, p + q)                      # a joint covariance, then its blocks
Sa, Sc, Sb = Sigma[:p, :p], Sigma[:p, p:], Sigma[p:, p:]
mua, mub = rng.standard_normal((p, 1)), rng.standard_normal((q, 1))
xa, xb = rng.standard_normal((p, 1)), rng.standard_normal((q, 1))
u, v = xa - mua, xb - mub
SA = Sa - Sc @ inv(Sb) @ Sc.T                # Schur complements
SB = Sb - Sc.T @ inv(Sa) @ Sc
Laa, Lbb, Lab = inv(SA), inv(SB), -inv(Sa) @ Sc @ inv(SB)
Lam = inv(Sigma)                             # the precision, computed directly

ok = check("Lambda_aa = S_a^-1 is the (a, a) block of the precision", Laa, Lam[:p, :p])
ok &= check("Lambda_bb = S_b^-1 is the (b, b) block", Lbb, Lam[p:, p:])
ok &= check("Lambda_ab = -Sigma_a^-1 Sigma_c S_b^-1 is the (a, b) block", Lab, Lam[:p, p:])
ok &= check("Sigma_a Lambda_aa + Sigma_c Lambda_ab^T = I", Sa @ Laa + Sc @ Lab.T, np.eye(p))
ok &= check("Sigma_a Lambda_ab + Sigma_c Lambda_bb = 0", Sa @ Lab + Sc @ Lbb, np.zeros((p, q)))
ok &= check("Sigma_c^T Lambda_aa + Sigma_b Lambda_ab^T = 0", Sc.T @ Laa + Sb @ Lab.T, np.zeros((q, p)))
ok &= check("Sigma_c^T Lambda_ab + Sigma_b Lambda_bb = I", Sc.T @ Lab + Sb @ Lbb, np.eye(q))
ok &= check("Lambda_ab = -S_a^-1 Sigma_c Sigma_b^-1", Lab, -inv(SA) @ Sc @ inv(Sb))
ok &= check("Lambda_bb = Sigma_b^-1 + Sigma_b^-1 Sigma_c^T S_a^-1 Sigma_c Sigma_b^-1", Lbb,
            inv(Sb) + inv(Sb) @ Sc.T @ inv(SA) @ Sc @ inv(Sb))
ok &= check("conditional mean of x_a: covariance form = precision form", mua + Sc @ inv(Sb) @ v,
            mua - inv(Laa) @ Lab @ v)
ok &= check("conditional mean of x_b: covariance form = precision form", mub + Sc.T @ inv(Sa) @ u,
            mub - inv(Lbb) @ Lab.T @ u)
Q = (u.T @ Laa @ u + 2 * u.T @ Lab @ v + v.T @ Lbb @ v).item()
w = u - Sc @ inv(Sb) @ v
ok &= check("joint exponent = conditional square + marginal square (b)", Q,
            (w.T @ inv(SA) @ w + v.T @ inv(Sb) @ v).item())
w = v - Sc.T @ inv(Sa) @ u
ok &= check("joint exponent = conditional square + marginal square (a)", Q,
            (w.T @ inv(SB) @ w + u.T @ inv(Sa) @ u).item())
# The densities: joint = marginal of x_b times conditional of x_a given x_b.
x, mu = np.vstack([xa, xb]), np.vstack([mua, mub])
ok &= check("p(x_a, x_b) = p(x_b) p(x_a | x_b)", gauss(x, mu, Sigma),
            gauss(xb, mub, Sb) * gauss(xa, mua + Sc @ inv(Sb) @ v, SA))
ok &= check("conditional covariance taken as Sigma_a (no Schur complement)", gauss(x, mu, Sigma),
            gauss(xb, mub, Sb) * gauss(xa, mua + Sc @ inv(Sb) @ v, Sa), expect=False)

sys.exit(0 if ok else 1)
