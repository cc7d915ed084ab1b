"""FlashAttention's identity: rowsum(P * (G V^T)) = rowsum(G * O) with O = P V, so the score gradient
P * (G V^T - rowsum(G * O) 1^T) needs no stored m x n matrix besides the recomputed P."""
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


def row_softmax(S):
    E = np.exp(S - S.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


rng = np.random.default_rng(142)
m, n, p = 6, 9, 4
P = row_softmax(rng.standard_normal((m, n)))
V, G = rng.standard_normal((n, p)), rng.standard_normal((m, p))
O = P @ V

D_big = np.sum(P * (G @ V.T), axis=1)  # needs the m x n matrix G V^T
D_small = np.sum(G * O, axis=1)        # only m x p
ok = check("rowsum(P * (G V^T)) = rowsum(G * O)", D_big, D_small)
ok &= check("score gradient from either", P * (G @ V.T - D_big[:, None]), P * (G @ V.T - D_small[:, None]))

sys.exit(0 if ok else 1)
