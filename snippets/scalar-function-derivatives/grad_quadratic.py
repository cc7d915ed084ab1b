"""d (x^T A x)/dx = (A + A^T) x, and 2Ax when A is symmetric (only then)."""
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
A = rng.standard_normal((n, n))  # not symmetric
x = rng.standard_normal((n, 1))

G = num_grad(lambda x: (x.T @ A @ x).item(), x)
ok = check("d (x^T A x)/dx = (A + A^T) x", G, (A + A.T) @ x)
ok &= check("non-symmetric A: d (x^T A x)/dx = 2Ax", G, 2 * A @ x, expect=False)

S = A + A.T  # symmetric
G_sym = num_grad(lambda x: (x.T @ S @ x).item(), x)
ok &= check("symmetric A: d (x^T A x)/dx = 2Ax", G_sym, 2 * S @ x)

As, xs = sp.MatrixSymbol("A", n, n), sp.MatrixSymbol("x", n, 1)
D = (xs.T * As * xs).diff(xs)
value = sp.Matrix(D.subs({As: sp.Matrix(A), xs: sp.Matrix(x)}))
ok &= check(f"SymPy: d (x^T A x)/dx = {D}", value, G)

# A MatrixSymbol cannot be declared symmetric, so use an explicit symmetric matrix of symbols.
k = 3
Ss = sp.Matrix(k, k, lambda i, j: sp.Symbol(f"s{min(i, j)}{max(i, j)}"))
xe = sp.Matrix(sp.MatrixSymbol("x", k, 1))
ok &= check_zero("SymPy: d (x^T S x)/dx - 2Sx, S = S^T", (xe.T * Ss * xe)[0].diff(xe) - 2 * Ss * xe)

sys.exit(0 if ok else 1)
