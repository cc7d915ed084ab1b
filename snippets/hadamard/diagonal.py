"""Hadamard products and diagonal matrices: diag(x) A diag(y) = A o (x y^T), row and column
scaling, diag(x) diag(u) = diag(x o u), (x y^T) o (u v^T) = (x o u)(y o v)^T."""
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


rng = np.random.default_rng(2)
m, n = 3, 4
A = rng.standard_normal((m, n))
x, u = rng.standard_normal(m), rng.standard_normal(m)
y, v = rng.standard_normal(n), rng.standard_normal(n)
D = np.diag

ok = check("diag(x) A diag(y) = A o (x y^T)", D(x) @ A @ D(y), A * np.outer(x, y))
ok &= check("diag(x) A = (x 1^T) o A", D(x) @ A, np.outer(x, np.ones(n)) * A)
ok &= check("A diag(y) = A o (1 y^T)", A @ D(y), A * np.outer(np.ones(m), y))
ok &= check("diag(x) diag(u) = diag(x o u)", D(x) @ D(u), D(x * u))
ok &= check("(x y^T) o (u v^T) = (x o u)(y o v)^T", np.outer(x, y) * np.outer(u, v), np.outer(x * u, y * v))
S, w = rng.standard_normal((n, n)), rng.standard_normal(n)
ok &= check("rows vs columns: diag(w) S is not S diag(w)", D(w) @ S, S @ D(w), expect=False)

sys.exit(0 if ok else 1)
