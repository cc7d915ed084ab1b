"""Forms in which X appears twice (X m x n, a, b in R^n, C m x m not symmetric, e in R^m):
d ||X a||^2/dX = 2 X a a^T;  d (a^T X^T X b)/dX = X (a b^T + b a^T);
d (a^T X^T C X b)/dX = C^T X a b^T + C X b a^T;  d ((Xb - e)^T C (Xb - e))/dX = (C + C^T)(Xb - e) b^T.
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


rng = np.random.default_rng(25)
m, n = 4, 3
X = rng.standard_normal((m, n))
a, b = rng.standard_normal((n, 1)), rng.standard_normal((n, 1))
C = rng.standard_normal((m, m))
e = rng.standard_normal((m, 1))

ok = check("d ||X a||^2/dX = 2 X a a^T", num_grad(lambda X: np.sum((X @ a) ** 2), X), 2 * X @ a @ a.T)
ok &= check("d (a^T X^T X b)/dX = X (a b^T + b a^T)", num_grad(lambda X: (a.T @ X.T @ X @ b).item(), X),
            X @ (a @ b.T + b @ a.T))
ok &= check("d (a^T X^T C X b)/dX = C^T X a b^T + C X b a^T",
            num_grad(lambda X: (a.T @ X.T @ C @ X @ b).item(), X), C.T @ X @ a @ b.T + C @ X @ b @ a.T)
r = X @ b - e
ok &= check("d ((Xb - e)^T C (Xb - e))/dX = (C + C^T)(Xb - e) b^T",
            num_grad(lambda X: ((X @ b - e).T @ C @ (X @ b - e)).item(), X), (C + C.T) @ r @ b.T)

sys.exit(0 if ok else 1)
