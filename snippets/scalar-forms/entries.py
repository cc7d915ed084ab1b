"""Entry-by-entry derivatives (Matrix Cookbook (73)-(76), (79)): each entry's derivative with respect
to each entry, by finite differences, against the Kronecker-delta formulas and
the single-entry-matrix forms."""
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

def entry_jac(f, X, h=1e-6):
    """D[i, j, m, n] = d f(X)[i, j] / d X[m, n], by central differences."""
    out = np.zeros(f(X).shape + X.shape)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = h
        out[(...,) + idx] = (f(X + E) - f(X - E)) / (2 * h)
    return out


rng = np.random.default_rng(74)
p, q, s = 3, 4, 2
X, A, C, B = (rng.standard_normal(sh) for sh in ((p, q), (q, s), (p, s), (p, p)))
dp, dq = np.eye(p), np.eye(q)
J = np.einsum("im,jn->ijmn", dp, dq)          # J[:, :, m, n] is the single-entry matrix J^{mn}
ok = check("dX/dX_mn = J^{mn}", entry_jac(lambda Z: Z, X), J)
ok &= check("d(XA)_ij/dX_mn = delta_im A_nj", entry_jac(lambda Z: Z @ A, X), np.einsum("im,nj->ijmn", dp, A))
ok &= check("d(X^T C)_ij/dX_mn = delta_in C_mj", entry_jac(lambda Z: Z.T @ C, X),
            np.einsum("in,mj->ijmn", dq, C))
ok &= check("d(XA)_ij/dX_mn = (J^{mn} A)_ij", entry_jac(lambda Z: Z @ A, X), np.einsum("ibmn,bj->ijmn", J, A))
ok &= check("d(X^T C)_ij/dX_mn = ((J^{mn})^T C)_ij", entry_jac(lambda Z: Z.T @ C, X),
            np.einsum("bimn,bj->ijmn", J, C))
want = np.einsum("lj,ki->klij", dq, X.T @ B) + np.einsum("kj,il->klij", dq, B @ X)
ok &= check("d(X^T B X)_kl/dX_ij = delta_lj (X^T B)_ki + delta_kj (B X)_il",
            entry_jac(lambda Z: Z.T @ B @ Z, X), want)
ok &= check("d/dX_ij (sum of entries)^2 = 2 sum of entries", grad(lambda Z: Z.sum() ** 2, X),
            2 * X.sum() * np.ones_like(X))

sys.exit(0 if ok else 1)
