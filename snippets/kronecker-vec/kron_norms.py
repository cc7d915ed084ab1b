"""Norms of a Kronecker product: Frobenius, spectral and nuclear norms factor, so does the Frobenius
inner product Tr((A kron B)^T (C kron D)) = Tr(A^T C) Tr(B^T D); ||vec(A)|| = ||A||_F."""
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


rng = np.random.default_rng(514)
m, n, p, q = 3, 4, 2, 5
A, C = rng.standard_normal((m, n)), rng.standard_normal((m, n))
B, D = rng.standard_normal((p, q)), rng.standard_normal((p, q))
K = np.kron(A, B)
vec = lambda M: M.reshape(-1, order="F")
tr = np.trace

ok = True
for name, o in (("F", "fro"), ("2", 2), ("*", "nuc")):
    ok &= check(f"||A kron B||_{name} = ||A||_{name} ||B||_{name}", np.linalg.norm(K, o),
                np.linalg.norm(A, o) * np.linalg.norm(B, o))
ok &= check("Tr((A kron B)^T (C kron D)) = Tr(A^T C) Tr(B^T D)", tr(K.T @ np.kron(C, D)), tr(A.T @ C) * tr(B.T @ D))
ok &= check("||vec(A)|| = ||A||_F", np.linalg.norm(vec(A)), np.linalg.norm(A, "fro"))
ok &= check("not a sum: ||A kron B||_F is not ||A||_F + ||B||_F", np.linalg.norm(K, "fro"),
            np.linalg.norm(A, "fro") + np.linalg.norm(B, "fro"), expect=False)

sys.exit(0 if ok else 1)
