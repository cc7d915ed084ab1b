"""Rules for determinants (Matrix Cookbook (19)-(27)): transpose, product, power, inverse,
scaling, the rank-one update of the identity, and det(I + A) in sizes 2, 3 and 4 (with the Cookbook's
misprinted (27) checked to differ)."""
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

rng = np.random.default_rng(19)
n = 5
A, B = rng.standard_normal((n, n)), rng.standard_normal((n, n))
u, v = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
c = 1.7
ok = check("det(A^T) = det(A)", det(A.T), det(A))
ok &= check("det(AB) = det(A) det(B)", det(A @ B), det(A) * det(B))
for k in (1, 2, 3, 4):
    ok &= check(f"det(A^k) = det(A)^k, k = {k}", det(np.linalg.matrix_power(A, k)), det(A) ** k)
ok &= check("det(cA) = c^n det(A)  (n = 5)", det(c * A), c ** n * det(A))
ok &= check("det(I + u v^T) = 1 + u^T v", det(np.eye(n) + u @ v.T), 1 + (u.T @ v).item())
ok &= check("det(A^{-1}) = 1 / det(A)", det(inv(A)), 1 / det(A))
ok &= check("det(A + u v^T) = (1 + v^T A^{-1} u) det(A)", det(A + u @ v.T), (1 + (v.T @ inv(A) @ u).item()) * det(A))
A3 = rng.standard_normal((3, 3))
ok &= check("det(cA) = c^3 det(A)  (3 x 3)", det(c * A3), c ** 3 * det(A3))
ok &= check("det(cA) = c det(A)  (it is not linear)", det(c * A3), c * det(A3), expect=False)
A2 = rng.standard_normal((2, 2))
ok &= check("det(I + A) = 1 + det A + Tr A  (2 x 2)", det(np.eye(2) + A2), 1 + det(A2) + tr(A2))
ok &= check("det(I + A), size 3", det(np.eye(3) + A3),
            1 + det(A3) + tr(A3) + tr(A3) ** 2 / 2 - tr(A3 @ A3) / 2)
A4 = rng.standard_normal((4, 4))
t1, t2, t3 = tr(A4), tr(A4 @ A4), tr(A4 @ A4 @ A4)
ok &= check("det(I + A), size 4", det(np.eye(4) + A4),
            1 + det(A4) + t1 + t1 ** 2 / 2 - t2 / 2 + t1 ** 3 / 6 - t1 * t2 / 2 + t3 / 3)
ok &= check("det(I + A), size 4, as printed in Cookbook (27)", det(np.eye(4) + A4),
            1 + det(A4) + t1 + 0.5 + t1 ** 2 - t2 / 2 + t1 ** 3 / 6 - t1 * t2 / 2 + t3 / 3, expect=False)

sys.exit(0 if ok else 1)
