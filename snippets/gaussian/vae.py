"""The VAE's KL term KL(N(m, diag(exp(v))) || N(0, I)) = 1^T (exp(v) + m^2 - 1 - v) / 2, with
gradients m and (exp(v) - 1) / 2; the reparametrized sample z = m + exp(v/2) * eps has
dz/dm = I and dz/dv = diag(exp(v/2) * eps) / 2."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(y(x + h * e)) - np.ravel(y(x - h * e))) / (2 * h))
    return np.column_stack(cols)


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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(124)
n = 4
m, v, eps = rng.standard_normal(n), rng.standard_normal(n), rng.standard_normal(n)
K = lambda m, v: 0.5 * np.sum(np.exp(v) + m * m - 1 - v)

S0 = np.diag(np.exp(v))
general = 0.5 * (np.trace(S0 - np.eye(n)) + m @ m - np.linalg.slogdet(S0)[1])
ok = check("general KL with S1 = I, m1 = 0 = the VAE sum", general, K(m, v))
ok &= check("grad_m K = m", num_grad(lambda m: K(m, v), m), m)
ok &= check("grad_v K = (exp(v) - 1) / 2", num_grad(lambda v: K(m, v), v), 0.5 * (np.exp(v) - 1))
z = lambda m, v: m + np.exp(v / 2) * eps
ok &= check("dz/dm = I", num_jacobian(lambda m: z(m, v), m), np.eye(n))
ok &= check("dz/dv = diag(exp(v/2) * eps) / 2", num_jacobian(lambda v: z(m, v), v), 0.5 * np.diag(np.exp(v / 2) * eps))

sys.exit(0 if ok else 1)
