"""Powers inside bilinear forms, the product rule for s^T A r and a ratio of quadratic forms
(Matrix Cookbook (91)-(94)); the Cookbook's printed (92) and (94) are checked to differ."""
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

rng = np.random.default_rng(91)
n = 4
X = rng.standard_normal((n, n))
a, b = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
X2 = X @ X
mp = np.linalg.matrix_power
ok = True
for k in (1, 2, 4):
    ok &= check(f"d(a^T X^k b)/dX = sum_r (X^r)^T a b^T (X^(k-1-r))^T, k = {k}",
                grad(lambda Z: (a.T @ mp(Z, k) @ b).item(), X),
                sum(mp(X, r).T @ a @ b.T @ mp(X, k - 1 - r).T for r in range(k)))
    ok &= check(f"d(a^T (X^k)^T X^k b)/dX, k = {k}", grad(lambda Z: (a.T @ mp(Z, k).T @ mp(Z, k) @ b).item(), X),
                sum(mp(X, r).T @ mp(X, k) @ (a @ b.T + b @ a.T) @ mp(X, k - 1 - r).T for r in range(k)))
ok &= check("d(a^T X^3 b)/dX", grad(lambda Z: (a.T @ Z @ Z @ Z @ b).item(), X),
           a @ b.T @ X2.T + X.T @ a @ b.T @ X.T + X2.T @ a @ b.T)
g = grad(lambda Z: (a.T @ (Z @ Z).T @ Z @ Z @ b).item(), X)
S = a @ b.T + b @ a.T
ok &= check("d(a^T (X^2)^T X^2 b)/dX", g, X2 @ S @ X.T + X.T @ X2 @ S)
printed = X @ a @ b.T @ X2.T + X2 @ a @ b.T @ X.T + a @ b.T @ X2.T @ X + X.T @ X2 @ a @ b.T
ok &= check("the same, Cookbook (92) as printed (n = 2)", g, printed, expect=False)
m, p = 3, 5
x = rng.standard_normal((n, 1))
A, B = rng.standard_normal((m, n)), rng.standard_normal((p, n))
num, den = lambda z: (z.T @ A.T @ A @ z).item(), lambda z: (z.T @ B.T @ B @ z).item()
gq = grad(lambda z: num(z) / den(z), x)
ok &= check("d/dx x^T A^T A x / x^T B^T B x", gq,
            2 * A.T @ A @ x / den(x) - 2 * num(x) * B.T @ B @ x / den(x) ** 2)
Bs = rng.standard_normal((n, n))
num2, den2 = lambda z: (z.T @ A.T @ A @ z).item(), lambda z: (z.T @ Bs.T @ Bs @ z).item()
ok &= check("the same, Cookbook (94) as printed (x^T B B x), square B",
            grad(lambda z: num2(z) / den2(z), x),
            2 * A.T @ A @ x / (x.T @ Bs @ Bs @ x).item() - 2 * num2(x) * Bs.T @ Bs @ x / den2(x) ** 2,
            expect=False)
Am = rng.standard_normal((m, p))
s_of = lambda z: np.tanh(A @ z)              # s: R^n -> R^m
r_of = lambda z: np.sin(B @ z)               # r: R^n -> R^p
ok &= check("d(s^T A r)/dx = (ds/dx)^T A r + (dr/dx)^T A^T s",
            grad(lambda z: (s_of(z).T @ Am @ r_of(z)).item(), x),
            jac(s_of, x).T @ Am @ r_of(x) + jac(r_of, x).T @ Am.T @ s_of(x))

sys.exit(0 if ok else 1)
