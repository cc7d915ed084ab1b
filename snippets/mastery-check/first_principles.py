"""The least-squares gradient from first principles: perturb w by h and keep the part linear in h.

||y - X(w + h)||^2 = ||y - Xw||^2 - 2 h^T X^T (y - Xw) + ||Xh||^2, so dL/dw = -2 X^T (y - Xw).
"""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
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


rng = np.random.default_rng(0)
m, n = 6, 3
X = rng.standard_normal((m, n))
y = rng.standard_normal((m, 1))
w = rng.standard_normal((n, 1))
h = rng.standard_normal((n, 1))  # any perturbation: the expansion is exact, not only for small h
L = lambda w: np.linalg.norm(y - X @ w) ** 2

expansion = L(w) - 2 * (h.T @ X.T @ (y - X @ w)).item() + np.linalg.norm(X @ h) ** 2
ok = check("||y - X(w+h)||^2 = L - 2h^TX^T(y - Xw) + ||Xh||^2", L(w + h), expansion)
ok &= check("dL/dw = -2 X^T (y - Xw)", num_grad(L, w), -2 * X.T @ (y - X @ w))

sys.exit(0 if ok else 1)
