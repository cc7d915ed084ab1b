"""The pseudo-inverse cancelling against a transpose (Cookbook 203, real case)."""
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


pinv, inv, tr, T = np.linalg.pinv, np.linalg.inv, np.trace, np.transpose


def rank_r(rng, m, n, r):
    """An m x n matrix of rank r (a product of m x r and r x n factors of full rank)."""
    return rng.standard_normal((m, r)) @ rng.standard_normal((r, n))

rng = np.random.default_rng(203)
m, n, r = 5, 6, 2
A = rank_r(rng, m, n, r)
Ap = pinv(A)
ok = check("A^+ A A^T = A^T", Ap @ A @ A.T, A.T)
ok &= check("A^T A A^+ = A^T", A.T @ A @ Ap, A.T)
ok &= check("A A^T (A^+)^T = A", A @ A.T @ Ap.T, A)
ok &= check("(A^+)^T A^T A = A", Ap.T @ A.T @ A, A)
ok &= check("A^+ (A^+)^T A^T = A^+", Ap @ Ap.T @ A.T, Ap)
ok &= check("A^T (A^+)^T A^+ = A^+", A.T @ Ap.T @ Ap, Ap)
# The Cookbook's warning (204) is about complex matrices: there the conjugate transpose works and
# the plain transpose does not. Compared as real and imaginary parts side by side.
Z = (rng.standard_normal((m, r)) + 1j * rng.standard_normal((m, r))) @ (rng.standard_normal((r, n)) + 1j * rng.standard_normal((r, n)))
Zp = pinv(Z)
parts = lambda M: np.hstack([M.real, M.imag])
ok &= check("complex Z: Z^+ Z Z^H = Z^H", parts(Zp @ Z @ Z.conj().T), parts(Z.conj().T))
ok &= check("complex Z: Z^+ Z Z^T = Z^T  (Cookbook 204's warning)", parts(Zp @ Z @ Z.T), parts(Z.T), expect=False)

sys.exit(0 if ok else 1)
