"""The source's rewrite 2w^T (Phi^T y + S0 m0) = 2w^T (Phi^T y w^T + S0 m0 w^T) w is wrong.

The right-hand side is 2 (w^T Phi^T y + w^T S0 m0)(w^T w): the left-hand side times w^T w, a cubic
in w, not the linear term. The linear term is fine as it is: it is already of the form 2 w^T b.
"""
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
    print(f"{label:<50} {verdict}   {detail}")
    return same == expect


rng = np.random.default_rng(0)
N, d = 6, 3
Phi = rng.standard_normal((N, d))
y = rng.standard_normal((N, 1))
m0 = rng.standard_normal((d, 1))
R = rng.standard_normal((d, d))
S0 = R @ R.T + np.eye(d)
w = 2 * rng.standard_normal((d, 1))  # any w with w^T w != 1 shows the difference

lhs = (2 * w.T @ (Phi.T @ y + S0 @ m0)).item()
rhs = (2 * w.T @ (Phi.T @ y @ w.T + S0 @ m0 @ w.T) @ w).item()
ok = check("source's rewrite of the linear term", rhs, lhs, expect=False)
ok &= check("its right-hand side = lhs (w^T w)", rhs, lhs * (w.T @ w).item())

sys.exit(0 if ok else 1)
