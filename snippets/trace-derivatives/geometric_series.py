"""A finite geometric series of matrix powers, Matrix Cookbook (487)."""
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


rng = np.random.default_rng(487)
n = 4
X = rng.standard_normal((n, n)) / 2
I = np.eye(n)
mp = np.linalg.matrix_power
ok = True
for k in range(1, 6):
    S = sum(mp(X, r) for r in range(k))
    ok &= check(f"(X^{k} - I)(X - I)^{{-1}} = I + X + ... + X^{k - 1}  (487)", (mp(X, k) - I) @ np.linalg.inv(X - I), S)
    ok &= check(f"(X - I)^{{-1}}(X^{k} - I) = the same sum", np.linalg.inv(X - I) @ (mp(X, k) - I), S)
ok &= check("(X^3 - I)(X - I)^{-1} = I + X + X^2 + X^3  (one term too many)", (mp(X, 3) - I) @ np.linalg.inv(X - I),
            I + X + mp(X, 2) + mp(X, 3), expect=False)
sys.exit(0 if ok else 1)
