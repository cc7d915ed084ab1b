"""Derivatives with respect to one entry, as whole matrices with single-entry matrices J^{ij}
(Matrix Cookbook (80), (90)): d(Y^T C Y)/dY_ij = Y^T C J^{ij} + J^{ji} C Y and
d(Y^d)/dY_ij = sum_{r=0}^{d-1} Y^r J^{ij} Y^{d-1-r}, by central differences for every entry."""
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


def single(i, j, s):
    J = np.zeros((s, s))
    J[i, j] = 1.0
    return J


def d_entry(f, Y, i, j, h=1e-6):
    """d f(Y) / d Y_ij by central differences (a matrix)."""
    E = single(i, j, Y.shape[0]) * h
    return (f(Y + E) - f(Y - E)) / (2 * h)


rng = np.random.default_rng(90)
s, d = 4, 3
Y, C = rng.standard_normal((s, s)), rng.standard_normal((s, s))
mp = np.linalg.matrix_power

pairs = list(np.ndindex(s, s))
got = [d_entry(lambda Z: Z.T @ C @ Z, Y, i, j) for i, j in pairs]
want = [Y.T @ C @ single(i, j, s) + single(j, i, s) @ C @ Y for i, j in pairs]
ok = check("d(Y^T C Y)/dY_ij = Y^T C J^ij + J^ji C Y, every (i, j)", got, want)
got = [d_entry(lambda Z: mp(Z, d), Y, i, j) for i, j in pairs]
want = [sum(mp(Y, r) @ single(i, j, s) @ mp(Y, d - 1 - r) for r in range(d)) for i, j in pairs]
ok &= check("d(Y^3)/dY_ij = sum_r Y^r J^ij Y^(2-r), every (i, j)", got, want)
J = single(0, 1, s)
ok &= check("not d Y^(d-1) J (powers do not commute with J)", d_entry(lambda Z: mp(Z, d), Y, 0, 1),
            d * mp(Y, d - 1) @ J, expect=False)

sys.exit(0 if ok else 1)
