"""F G and G F have the same nonzero eigenvalues (behind Matrix Cookbook (280)): equal traces of all
powers, equal characteristic polynomials for square factors, and c^m det(cI - FG) = c^n det(cI - GF)."""
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


inv, det, tr = np.linalg.inv, np.linalg.det, np.trace

rng = np.random.default_rng(280)
n, m, c = 3, 5, 0.6
F, G = rng.standard_normal((n, m)), rng.standard_normal((m, n))
ok = True
for k in (1, 2, 3):
    ok &= check(f"Tr((F G)^{k}) = Tr((G F)^{k})", tr(np.linalg.matrix_power(F @ G, k)), tr(np.linalg.matrix_power(G @ F, k)))
ok &= check("c^m det(c I - F G) = c^n det(c I - G F)", c**m * det(c * np.eye(n) - F @ G), c**n * det(c * np.eye(m) - G @ F))
C, D = rng.standard_normal((4, 4)), rng.standard_normal((4, 4))
ok &= check("det(c I - C D) = det(c I - D C)", det(c * np.eye(4) - C @ D), det(c * np.eye(4) - D @ C))
ok &= check("C D = D C (products do not commute)", C @ D, D @ C, expect=False)
big = np.sort_complex(np.linalg.eigvals(G @ F))
ok &= check("G F (5 x 5) has m - n = 2 zero eigenvalues", np.sort(np.abs(big))[:2], [0.0, 0.0], tol=1e-9)

sys.exit(0 if ok else 1)
