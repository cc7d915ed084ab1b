"""Product rule for scalar u(x), v(x): d(uv)/dx = (du/dx) v + u (dv/dx); x in R^n, gradients n x 1.

Example: u(x) = sin(a^T x) and v(x) = ||x||^2. All gradients come from finite differences, so the
rule itself is what is checked.
"""
import sys

import numpy as np
import sympy as sp


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
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


def check_zero(label, expr):
    """Print one line; True when a SymPy expression (each entry of a matrix) simplifies to 0."""
    entries = expr if isinstance(expr, sp.MatrixBase) else [expr]
    zero = all(sp.simplify(e) == 0 for e in entries)
    verdict, detail = ("ok", "is 0") if zero else ("FAIL", "is not 0")
    print(f"{label:<50} {verdict}   symbolic difference {detail}")
    return zero


rng = np.random.default_rng(0)
n = 4
a = rng.standard_normal((n, 1))
x = rng.standard_normal((n, 1))
u = lambda x: np.sin(a.T @ x).item()
v = lambda x: (x.T @ x).item()

G = num_grad(lambda x: u(x) * v(x), x)
ok = check("d(uv)/dx = (du/dx) v + u (dv/dx)", G, num_grad(u, x) * v(x) + u(x) * num_grad(v, x))

t = sp.Symbol("x")
us, vs = sp.Function("u")(t), sp.Function("v")(t)
rule = us.diff(t) * vs + us * vs.diff(t)
ok &= check_zero("SymPy: d(uv)/dx - (u'v + uv')", sp.diff(us * vs, t) - rule)

sys.exit(0 if ok else 1)
