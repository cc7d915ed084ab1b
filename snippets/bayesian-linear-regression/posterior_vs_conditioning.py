"""The posterior from completing the square equals the one from Gaussian conditioning.

Model: w ~ N(m0, (beta S0)^{-1}), y | w ~ N(Phi w, beta^{-1} I). Completing the square gives
w | y ~ N(m_N, (beta S_N)^{-1}) with S_N = Phi^T Phi + S0 and m_N = S_N^{-1} (Phi^T y + S0 m0).
Conditioning the joint Gaussian of (w, y) on y is an independent route to the same answer.
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
N, d, beta = 6, 3, 4.0
Phi = rng.standard_normal((N, d))
y = rng.standard_normal((N, 1))
m0 = rng.standard_normal((d, 1))
R = rng.standard_normal((d, d))
S0 = R @ R.T + np.eye(d)

# Completing the square.
S_N = Phi.T @ Phi + S0
m_N = np.linalg.solve(S_N, Phi.T @ y + S0 @ m0)

# Conditioning: cov(w) = Sigma0, cov(y) = Phi Sigma0 Phi^T + I/beta, cov(w, y) = Sigma0 Phi^T.
Sigma0 = np.linalg.inv(beta * S0)
K = Sigma0 @ Phi.T @ np.linalg.inv(Phi @ Sigma0 @ Phi.T + np.eye(N) / beta)
mean = m0 + K @ (y - Phi @ m0)
cov = Sigma0 - K @ Phi @ Sigma0

ok = check("posterior mean m_N = conditional mean", m_N, mean)
ok &= check("posterior cov (beta S_N)^{-1} = conditional cov", np.linalg.inv(beta * S_N), cov)
ok &= check("posterior cov S_N^{-1}  (beta forgotten)", np.linalg.inv(S_N), cov, expect=False)

sys.exit(0 if ok else 1)
