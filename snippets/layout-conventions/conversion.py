"""Converting between layouts is transposing: the numerator-layout derivative of a scalar is the
row (grad f)^T, the denominator-layout one is the column grad f. Here both are built from the
same partial derivatives."""
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


def partials(f, x, h=1e-6):
    """The partial derivatives df/dx_i as a flat array: no layout yet."""
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


rng = np.random.default_rng(150)
n = 4
x = rng.standard_normal(n)
f = lambda x: np.sin(x) @ x + x[0] * x[-1]
d = partials(f, x)
numerator = d.reshape(1, n)    # a row: one row per entry of f (one), one column per entry of x
denominator = d.reshape(n, 1)  # a column: the shape of x

ok = check("numerator-layout df/dx = (grad f)^T  (1 x n)", numerator, denominator.T)
ok &= check("numerator and denominator layouts differ in shape", numerator, denominator, expect=False)

sys.exit(0 if ok else 1)
