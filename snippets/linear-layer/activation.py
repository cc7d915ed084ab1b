"""A dense layer with an activation, H = f(X W + 1 b^T), upstream gradient Hbar = dL/dH:
dL/dZ = Hbar * f'(Z) (entrywise), dL/dW = X^T (Hbar * f'(Z)), dL/dX = (Hbar * f'(Z)) W^T.
Checked with f = tanh."""
import sys

import numpy as np


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


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


rng = np.random.default_rng(64)
N, d, k = 6, 3, 4
X, W, b = rng.standard_normal((N, d)), rng.standard_normal((d, k)), rng.standard_normal(k)
C = rng.standard_normal((N, k))
L_of_H = lambda H: np.sum(C * H ** 2)
Z = X @ W + b
Hbar = 2 * C * np.tanh(Z)      # dL/dH at H = tanh(Z)
delta = Hbar * (1 - np.tanh(Z) ** 2)  # dL/dZ = Hbar * f'(Z)

ok = check("dL/dZ = Hbar * f'(Z)", num_grad(lambda Z: L_of_H(np.tanh(Z)), Z), delta)
ok &= check("dL/dW = X^T (Hbar * f'(Z))", num_grad(lambda W: L_of_H(np.tanh(X @ W + b)), W), X.T @ delta)
ok &= check("dL/dX = (Hbar * f'(Z)) W^T", num_grad(lambda X: L_of_H(np.tanh(X @ W + b)), X), delta @ W.T)
ok &= check("dL/dW = X^T Hbar  (forgetting f')", num_grad(lambda W: L_of_H(np.tanh(X @ W + b)), W),
            X.T @ Hbar, expect=False)

sys.exit(0 if ok else 1)
