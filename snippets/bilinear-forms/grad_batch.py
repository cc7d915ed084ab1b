"""Many bilinear scores at once: sum_i a_i^T X b_i = Tr(A^T X B), with gradient A B^T
(the columns of A and B are the pairs)."""
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


rng = np.random.default_rng(26)
m, n, k = 3, 4, 6
X = rng.standard_normal((m, n))
A, B = rng.standard_normal((m, k)), rng.standard_normal((n, k))

scores = sum((A[:, [i]].T @ X @ B[:, [i]]).item() for i in range(k))
ok = check("sum_i a_i^T X b_i = Tr(A^T X B)", scores, np.trace(A.T @ X @ B))
ok &= check("d Tr(A^T X B)/dX = A B^T", num_grad(lambda X: np.trace(A.T @ X @ B), X), A @ B.T)
ok &= check("= sum_i a_i b_i^T", A @ B.T, sum(A[:, [i]] @ B[:, [i]].T for i in range(k)))

sys.exit(0 if ok else 1)
