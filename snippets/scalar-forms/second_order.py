"""Second-order scalar forms (Matrix Cookbook (77), (78), (81)-(83))."""
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

rng = np.random.default_rng(77)
m, n, p = 3, 4, 5
X = rng.standard_normal((m, n))
b, c = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
D, d = rng.standard_normal((m, m)), rng.standard_normal((m, 1))
ok = check("d(b^T X^T X c)/dX = X (b c^T + c b^T)", grad(lambda Z: (b.T @ Z.T @ Z @ c).item(), X),
           X @ (b @ c.T + c @ b.T))
ok &= check("d(b^T X^T D X c)/dX = D^T X b c^T + D X c b^T", grad(lambda Z: (b.T @ Z.T @ D @ Z @ c).item(), X),
            D.T @ X @ b @ c.T + D @ X @ c @ b.T)
r = X @ b + d
ok &= check("d((Xb + d)^T D (Xb + d))/dX = (D + D^T)(Xb + d) b^T",
            grad(lambda Z: ((Z @ b + d).T @ D @ (Z @ b + d)).item(), X), (D + D.T) @ r @ b.T)
x, B = rng.standard_normal((n, 1)), rng.standard_normal((n, n))
ok &= check("d(x^T B x)/dx = (B + B^T) x", grad(lambda z: (z.T @ B @ z).item(), x), (B + B.T) @ x)
ok &= check("d(x^T B x)/dx = 2 B x  (only for symmetric B)", grad(lambda z: (z.T @ B @ z).item(), x),
            2 * B @ x, expect=False)
B, bb = rng.standard_normal((m, n)), rng.standard_normal((m, 1))
C, D, dd = rng.standard_normal((m, p)), rng.standard_normal((p, n)), rng.standard_normal((p, 1))
f = lambda z: ((B @ z + bb).T @ C @ (D @ z + dd)).item()
ok &= check("d((Bx + b)^T C (Dx + d))/dx", grad(f, x), B.T @ C @ (D @ x + dd) + D.T @ C.T @ (B @ x + bb))

sys.exit(0 if ok else 1)
