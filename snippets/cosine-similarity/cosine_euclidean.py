"""For unit vectors u and v: ||u - v||^2 = 2 - 2 u^T v (distance and cosine rank neighbours alike)."""
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


rng = np.random.default_rng(42)
n, k = 8, 20
q = rng.standard_normal(n)
q /= np.linalg.norm(q)
E = rng.standard_normal((k, n))
E /= np.linalg.norm(E, axis=1, keepdims=True)  # k unit-length embeddings

d2 = np.sum((E - q) ** 2, axis=1)
cosines = E @ q
ok = check("||u - v||^2 = 2 - 2 c", d2, 2 - 2 * cosines)
ok &= check("nearest by distance = most similar by cosine", np.argsort(d2), np.argsort(-cosines))

sys.exit(0 if ok else 1)
