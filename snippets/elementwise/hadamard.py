"""Hadamard-product identities: diag(a) b = a * b; a^T (b * c) = (a * b)^T c;
(u a^T) * C = diag(u) C diag(a); Tr(C^T (D * E)) = Tr((C * D)^T E); d (a * x)/dx = diag(a);
d (x * x)/dx = 2 diag(x)."""
import sys

import numpy as np


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


rng = np.random.default_rng(75)
m, n = 3, 4
a, b, c, x = (rng.standard_normal(n) for _ in range(4))
u = rng.standard_normal(m)
C, D, E = (rng.standard_normal((m, n)) for _ in range(3))

ok = check("diag(a) b = a * b", np.diag(a) @ b, a * b)
ok &= check("a^T (b * c) = (a * b)^T c", a @ (b * c), (a * b) @ c)
ok &= check("(u a^T) * C = diag(u) C diag(a)", np.outer(u, a) * C, np.diag(u) @ C @ np.diag(a))
ok &= check("Tr(C^T (D * E)) = Tr((C * D)^T E)", np.trace(C.T @ (D * E)), np.trace((C * D).T @ E))
ok &= check("d (a * x)/dx = diag(a)", num_jacobian(lambda x: a * x, x), np.diag(a))
ok &= check("d (x * x)/dx = 2 diag(x)", num_jacobian(lambda x: x * x, x), 2 * np.diag(x))

sys.exit(0 if ok else 1)
