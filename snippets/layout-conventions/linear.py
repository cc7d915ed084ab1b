"""d(a^T x)/dx: a^T in numerator layout, a in denominator layout; d(Ax)/dx: A (m x n) in numerator
layout, A^T (n x m) in denominator layout."""
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


def jac_numerator(y, x, h=1e-6):
    """One row per entry of y, one column per entry of x."""
    x = np.asarray(x, float)
    cols = [(np.atleast_1d(y(x + h * e)) - np.atleast_1d(y(x - h * e))) / (2 * h) for e in np.eye(x.size)]
    return np.column_stack(cols)


jac_denominator = lambda y, x: jac_numerator(y, x).T  # one row per entry of x

rng = np.random.default_rng(151)
m, n = 3, 5
a, x, A = rng.standard_normal(n), rng.standard_normal(n), rng.standard_normal((m, n))

ok = check("numerator: d(a^T x)/dx = a^T (1 x n)", jac_numerator(lambda x: a @ x, x), a.reshape(1, n))
ok &= check("denominator: d(a^T x)/dx = a (n x 1)", jac_denominator(lambda x: a @ x, x), a.reshape(n, 1))
ok &= check("numerator: d(Ax)/dx = A (m x n)", jac_numerator(lambda x: A @ x, x), A)
ok &= check("denominator: d(Ax)/dx = A^T (n x m)", jac_denominator(lambda x: A @ x, x), A.T)

sys.exit(0 if ok else 1)
