"""Products and transposes of single-entry matrices: J^{ij} J^{kl} = delta_{jk} J^{il}."""
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


def J(rows, cols, i, j):
    """The single-entry matrix: 1 at (i, j), zeros elsewhere (0-based indices)."""
    out = np.zeros((rows, cols))
    out[i, j] = 1.0
    return out


n = 4
idx = range(n)


def stack(f):
    """Every (i, j, k, l) case of one identity, side by side, so one line checks them all."""
    return np.array([f(i, j, k, l) for i in idx for j in idx for k in idx for l in idx])


ok = check("J^{ij} J^{kl} = delta_jk J^{il}  (all 256 cases)",
           stack(lambda i, j, k, l: J(n, n, i, j) @ J(n, n, k, l)),
           stack(lambda i, j, k, l: (j == k) * J(n, n, i, l)))
ok &= check("J^{ij} J^{ij} = delta_ij J^{ij}",
            stack(lambda i, j, k, l: J(n, n, i, j) @ J(n, n, i, j)),
            stack(lambda i, j, k, l: (i == j) * J(n, n, i, j)))
ok &= check("(J^{ij})^T = J^{ji}", stack(lambda i, j, k, l: J(n, n, i, j).T), stack(lambda i, j, k, l: J(n, n, j, i)))
ok &= check("J^{ij} (J^{ij})^T = J^{ii}",
            stack(lambda i, j, k, l: J(n, n, i, j) @ J(n, n, i, j).T), stack(lambda i, j, k, l: J(n, n, i, i)))
ok &= check("(J^{ij})^T J^{ij} = J^{jj}",
            stack(lambda i, j, k, l: J(n, n, i, j).T @ J(n, n, i, j)), stack(lambda i, j, k, l: J(n, n, j, j)))
ok &= check("J^{ij} J^{kl} = delta_il J^{kj}  (wrong indices meet)",
            stack(lambda i, j, k, l: J(n, n, i, j) @ J(n, n, k, l)),
            stack(lambda i, j, k, l: (i == l) * J(n, n, k, j)), expect=False)
sys.exit(0 if ok else 1)
