"""The minimum-norm solution of a broad system (Matrix Cookbook (267), (268)): x = W^T (W W^T)^{-1} b
solves W x = b, equals W^+ b, and is orthogonal to the null space, so every other solution is longer."""
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
    print(f"{label:<58} {verdict}   {detail}")
    return same == expect


vec = lambda M: M.reshape(-1, 1, order="F")  # stack the columns (Fortran order)
inv, det, pinv = np.linalg.inv, np.linalg.det, np.linalg.pinv

rng = np.random.default_rng(267)
m, n = 3, 6                                  # W is m x n, broad
W, b, z = rng.standard_normal((m, n)), rng.standard_normal((m, 1)), rng.standard_normal((n, 1))
x = W.T @ inv(W @ W.T) @ b
P = np.eye(n) - pinv(W) @ W                  # the projector onto the null space of W
ok = check("W x_min = b", W @ x, b)
ok &= check("W^T (W W^T)^{-1} b = W^+ b", x, pinv(W) @ b)
ok &= check("W (x_min + (I - W^+ W) z) = b", W @ (x + P @ z), b)
ok &= check("x_min^T (I - W^+ W) z = 0", x.T @ P @ z, [[0.0]], tol=1e-9)
ok &= check("||x_min + P z||^2 = ||x_min||^2 + ||P z||^2", np.sum((x + P @ z) ** 2), np.sum(x**2) + np.sum((P @ z) ** 2))
ok &= check("another solution is longer than x_min", np.sum((x + P @ z) ** 2) > np.sum(x**2), True)

B = rng.standard_normal((m, m))
X = pinv(W) @ B
ok &= check("W (W^+ B) = B", W @ X, B)

sys.exit(0 if ok else 1)
