"""An elementwise f has a diagonal Jacobian diag(f'(x)); multiplying by it is an entrywise product:
diag(f'(x)) a = f'(x) * a = d (a^T f(x))/dx. Checked with f(t) = sin(t) + t^3 / 3, and symbolically."""
import sys

import numpy as np
import sympy as sp


def num_grad(f, X, h=1e-6):
    """Central differences, one entry at a time: the result has X's shape."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    x = np.asarray(x, dtype=float).reshape(-1)
    cols = []
    for e in np.eye(x.size):
        cols.append((np.ravel(y(x + h * e)) - np.ravel(y(x - h * e))) / (2 * h))
    return np.column_stack(cols)


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


rng = np.random.default_rng(70)
n = 5
x, a = rng.standard_normal(n), rng.standard_normal(n)
f = lambda t: np.sin(t) + t ** 3 / 3
fp = lambda t: np.cos(t) + t ** 2

J = num_jacobian(f, x)
ok = check("d f(x)/dx = diag(f'(x))", J, np.diag(fp(x)))
ok &= check("diag(f'(x)) a = f'(x) * a", np.diag(fp(x)) @ a, fp(x) * a)
ok &= check("d (a^T f(x))/dx = a * f'(x)", num_grad(lambda x: a @ f(x), x), a * fp(x))

xs = sp.Matrix(sp.symbols("x0:3"))
F = sp.Function("f")
fx = xs.applyfunc(F)
ok &= check_zero("SymPy: jacobian of f(x) - diag(f'(x))",
                 fx.jacobian(xs) - sp.diag(*[F(xi).diff(xi) for xi in xs]))

sys.exit(0 if ok else 1)
