"""K-FAC: one example's weight gradient g a^T vectorizes to a kron g, its outer product is
(a a^T) kron (g g^T), and (A kron G)^{-1} vec(V) = vec(G^{-1} V A^{-1}) for symmetric A, G."""
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


rng = np.random.default_rng(55)
n, m, N = 4, 3, 50  # inputs, outputs, examples
a, g = rng.standard_normal(n), rng.standard_normal(m)
vec = lambda M: M.reshape(-1, order="F")

ok = check("vec(g a^T) = a kron g", vec(np.outer(g, a)), np.kron(a, g))
ok &= check("vec(g a^T) vec(g a^T)^T = (a a^T) kron (g g^T)", np.outer(vec(np.outer(g, a)), vec(np.outer(g, a))),
            np.kron(np.outer(a, a), np.outer(g, g)))

# The K-FAC factors from a batch, and the preconditioned gradient without the (nm x nm) matrix.
acts, grads = rng.standard_normal((N, n)), rng.standard_normal((N, m))
A = acts.T @ acts / N + 0.1 * np.eye(n)   # damped, so positive definite
G = grads.T @ grads / N + 0.1 * np.eye(m)
V = grads.T @ acts / N                    # the mean weight gradient, m x n
full = np.linalg.solve(np.kron(A, G), vec(V))
ok &= check("(A kron G)^{-1} vec(V) = vec(G^{-1} V A^{-1})", full, vec(np.linalg.solve(G, V) @ np.linalg.inv(A)))

sys.exit(0 if ok else 1)
