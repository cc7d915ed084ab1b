"""The product of two Gaussian densities (Matrix Cookbook (368)-(371)): a Gaussian density times the
constant c_c, itself a Gaussian density of the difference of the means."""
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


rng = np.random.default_rng(368)
n = 3
S1, S2 = spd(rng, n), spd(rng, n)
m1, m2, x = rng.standard_normal((n, 1)), rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
Sc = inv(inv(S1) + inv(S2))
mc = Sc @ (inv(S1) @ m1 + inv(S2) @ m2)
cc = gauss(m1, m2, S1 + S2)

ok = check("(368) p1(x) p2(x) = c_c p_c(x)", gauss(x, m1, S1) * gauss(x, m2, S2), cc * gauss(x, mc, Sc))
ok &= check("(369) c_c written out", cc, np.exp(-0.5 * ((m1 - m2).T @ inv(S1 + S2) @ (m1 - m2)).item())
            / np.sqrt(det(2 * np.pi * (S1 + S2))))
ok &= check("information form: Sigma_c^-1 m_c = S1^-1 m1 + S2^-1 m2", inv(Sc) @ mc, inv(S1) @ m1 + inv(S2) @ m2)
ok &= check("at several points: the ratio p1 p2 / p_c is the constant c_c",
            [gauss(z, m1, S1) * gauss(z, m2, S2) / gauss(z, mc, Sc) for z in rng.standard_normal((4, n, 1))],
            [cc] * 4)
ok &= check("the product read as a normalized density", gauss(x, m1, S1) * gauss(x, m2, S2), gauss(x, mc, Sc),
            expect=False)

sys.exit(0 if ok else 1)
