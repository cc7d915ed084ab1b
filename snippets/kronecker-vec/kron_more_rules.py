"""More Kronecker rules (Matrix Cookbook (506)-(509), (513), (516))."""
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


inv, det, tr, T = np.linalg.inv, np.linalg.det, np.trace, np.transpose

rng = np.random.default_rng(506)
kron, pinv = np.kron, np.linalg.pinv
A, B, G, H = (rng.standard_normal(s) for s in ((2, 3), (4, 2), (4, 2), (3, 5)))
a, b = 1.3, -0.7
ok = check("A kron (B + G) = A kron B + A kron G", kron(A, B + G), kron(A, B) + kron(A, G))
ok &= check("A kron (B kron H) = (A kron B) kron H", kron(A, kron(B, H)), kron(kron(A, B), H))
ok &= check("(aA) kron (bB) = ab (A kron B)", kron(a * A, b * B), a * b * kron(A, B))
ok &= check("(A kron B)^+ = A^+ kron B^+", pinv(kron(A, B)), kron(pinv(A), pinv(B)))
ok &= check("A kron B = B kron A  (not commutative)", kron(A, B), kron(B, A), expect=False)
E, F = rng.standard_normal((2, 2)), rng.standard_normal((3, 3))
ok &= check("det(E kron F) = det(E)^3 det(F)^2", det(kron(E, F)), det(E) ** 3 * det(F) ** 2)

sys.exit(0 if ok else 1)
