"""Hadamard products in traces and sums: 1^T (A o B) 1 = Tr(A^T B), Tr(A^T (B o C)) = Tr((A o B)^T C),
x^T (A o B) y = Tr(diag(x) A diag(y) B^T), (A o B) y = diag(A diag(y) B^T), row and column sums,
||A o B||_F^2 = Tr((A o A)^T (B o B))."""
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


rng = np.random.default_rng(3)
m, n = 3, 4
A, B, C = (rng.standard_normal((m, n)) for _ in range(3))
x, u = rng.standard_normal(m), rng.standard_normal(m)
y = rng.standard_normal(n)
D, tr = np.diag, np.trace

ok = check("1^T (A o B) 1 = Tr(A^T B)", (A * B).sum(), tr(A.T @ B))
ok &= check("Tr(A^T (B o C)) = Tr((A o B)^T C)", tr(A.T @ (B * C)), tr((A * B).T @ C))
ok &= check("1^T (x o u) = x^T u", (x * u).sum(), x @ u)
ok &= check("x^T (A o B) y = Tr(diag(x) A diag(y) B^T)", x @ (A * B) @ y, tr(D(x) @ A @ D(y) @ B.T))
ok &= check("(A o B) y = diag(A diag(y) B^T)", (A * B) @ y, np.diag(A @ D(y) @ B.T))
ok &= check("diag(A B^T) = (A o B) 1", np.diag(A @ B.T), (A * B) @ np.ones(n))
ok &= check("diag(A^T B) = (A o B)^T 1", np.diag(A.T @ B), (A * B).T @ np.ones(m))
ok &= check("||A o B||_F^2 = Tr((A o A)^T (B o B))", np.linalg.norm(A * B) ** 2, tr((A * A).T @ (B * B)))
ok &= check("no split: Tr(A^T (B o C)) is not Tr(A^T B) 1^T C 1", tr(A.T @ (B * C)), tr(A.T @ B) * C.sum(),
            expect=False)

sys.exit(0 if ok else 1)
