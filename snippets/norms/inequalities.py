"""Inequalities between matrix norms (not identities; checked on random matrices, with a case of
equality for each): ||A||_2 <= ||A||_F <= sqrt(r) ||A||_2, ||A||_F <= ||A||_* <= sqrt(r) ||A||_F,
||A B||_2 <= ||A||_2 ||B||_2, ||A B||_F <= ||A||_2 ||B||_F (r the rank)."""
import sys

import numpy as np


def holds(label, ok):
    print(f"{label:<58} {'ok' if ok else 'FAIL'}")
    return ok


rng = np.random.default_rng(543)
m, n, p = 3, 5, 4
fro = lambda Z: np.linalg.norm(Z, "fro")
spec = lambda Z: np.linalg.norm(Z, 2)
nuc = lambda Z: np.linalg.norm(Z, "nuc")
eps = 1e-12

ok = True
for trial in range(200):
    A, B = rng.standard_normal((m, n)), rng.standard_normal((n, p))
    r = np.linalg.matrix_rank(A)
    ok &= spec(A) <= fro(A) + eps and fro(A) <= np.sqrt(r) * spec(A) + eps
    ok &= fro(A) <= nuc(A) + eps and nuc(A) <= np.sqrt(r) * fro(A) + eps
    ok &= spec(A @ B) <= spec(A) * spec(B) + eps and fro(A @ B) <= spec(A) * fro(B) + eps
ok = holds("200 random pairs: all six inequalities hold", ok)
xy = np.outer(rng.standard_normal(m), rng.standard_normal(n))
ok &= holds("rank one: ||.||_2 = ||.||_F = ||.||_* (equality)", np.isclose(spec(xy), fro(xy)) and np.isclose(fro(xy), nuc(xy)))
Q = np.linalg.qr(rng.standard_normal((n, n)))[0][:, :m].T
ok &= holds("orthonormal rows: ||Q||_F = sqrt(r) ||Q||_2 (equality)", np.isclose(fro(Q), np.sqrt(m) * spec(Q)))
ok &= holds("orthonormal rows: ||Q||_* = sqrt(r) ||Q||_F (equality)", np.isclose(nuc(Q), np.sqrt(m) * fro(Q)))

sys.exit(0 if ok else 1)
