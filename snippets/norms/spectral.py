"""The spectral norm ||W||_2 (the largest singular value s_1, assumed simple) has gradient u_1 v_1^T,
the outer product of the top singular vectors. Checked on a random matrix through NumPy's SVD, and on
the page's construction W = U diag(s) V^T with a known largest singular value.
"""
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


rng = np.random.default_rng(32)
m, n = 5, 3
W = rng.standard_normal((m, n))
U, s, Vt = np.linalg.svd(W, full_matrices=False)  # s sorted, largest first
u1, v1 = U[:, [0]], Vt[[0], :].T
spec = lambda W: np.linalg.norm(W, 2)

G = num_grad(spec, W)
ok = check("d ||W||_2/dW = u_1 v_1^T  (random 5 x 3 W)", G, u1 @ v1.T)
ok &= check("W v_1 = ||W||_2 u_1", W @ v1, spec(W) * u1)
ok &= check("d ||W||_2/dW = U V^T  (that is the nuclear norm's)", G, U @ Vt, expect=False)

# The page's construction: e marks the position of the largest singular value.
k = 4
Q1, _ = np.linalg.qr(rng.standard_normal((k, k)))
Q2, _ = np.linalg.qr(rng.standard_normal((k, k)))
t = rng.uniform(0.5, 2.0, (k, 1))
e = np.zeros((k, 1))
e[2] = 1.0
sv = t * (1 - e) + t.sum() * e
Wc = Q1 @ np.diagflat(sv) @ Q2.T
u, v = Q1 @ e, Q2 @ e
ok &= check("construction: ||W||_2 = e^T s", spec(Wc), (e.T @ sv).item())
ok &= check("construction: d ||W||_2/dW = u v^T", num_grad(spec, Wc), u @ v.T)

sys.exit(0 if ok else 1)
