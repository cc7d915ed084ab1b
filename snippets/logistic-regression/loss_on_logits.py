"""Binary cross-entropy on logits: -y^T log(p) - (1 - y)^T log(1 - p) = 1^T log(1 + exp(z)) - y^T z
for p = sigma(z); the right side stays finite where p rounds to 0 or 1."""
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


rng = np.random.default_rng(90)
N = 8
z = rng.standard_normal(N) * 3
y = rng.integers(0, 2, N).astype(float)
p = 1 / (1 + np.exp(-z))

bce = -y @ np.log(p) - (1 - y) @ np.log(1 - p)
ok = check("BCE = 1^T log(1 + exp(z)) - y^T z", bce, np.sum(np.logaddexp(0, z)) - y @ z)

z_big = np.array([40.0, -40.0])
y_big = np.array([0.0, 1.0])
with np.errstate(divide="ignore"):
    p_big = 1 / (1 + np.exp(-z_big))
    naive = -y_big @ np.log(p_big) - (1 - y_big) @ np.log(1 - p_big)
stable = np.sum(np.logaddexp(0, z_big)) - y_big @ z_big
ok &= check("logits +-40: the probability form overflows", np.isfinite(naive), True, expect=False)
ok &= check("logits +-40: the logit form is finite (= 80)", stable, 80.0)

sys.exit(0 if ok else 1)
