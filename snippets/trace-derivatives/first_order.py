"""First-order traces (Matrix Cookbook (17), (99), (102), (105)) against central finite differences."""
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

rng = np.random.default_rng(99)
m, n, p = 3, 4, 5
X = rng.standard_normal((n, n))
a = rng.standard_normal((n, 1))
ok = check("d Tr(X)/dX = I", grad(tr, X), np.eye(n))
ok &= check("a^T a = Tr(a a^T)", (a.T @ a).item(), tr(a @ a.T))
Xr, A, B = rng.standard_normal((m, n)), rng.standard_normal((p, n)), rng.standard_normal((m, p))
ok &= check("d Tr(A X^T B)/dX = B A", grad(lambda Z: tr(A @ Z.T @ B), Xr), B @ A)
ok &= check("d Tr(A X^T B)/dX = (B A)^T  (numerator layout)", grad(lambda Z: tr(A @ Z.T @ B), Xr),
            (B @ A).T, expect=False)
Ap = rng.standard_normal((p, p))
ok &= check("d Tr(A kron X)/dX = Tr(A) I", grad(lambda Z: tr(np.kron(Ap, Z)), X), tr(Ap) * np.eye(n))
ok &= check("Tr(A kron X) = Tr(A) Tr(X)", tr(np.kron(Ap, X)), tr(Ap) * tr(X))

sys.exit(0 if ok else 1)
