"""The Jacobian of a linear map is its matrix: d(Ax)/dx = A, m x n for A in R^{m x n}."""
import sys

import numpy as np
import sympy as sp


def num_jacobian(y, x, h=1e-6):
    """Central differences: column j is dy/dx_j, so J[i, j] = dy_i/dx_j (m x n)."""
    return np.column_stack([(y(x + h * e) - y(x - h * e)) / (2 * h) for e in np.eye(x.size)])


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


rng = np.random.default_rng(0)
m, n = 3, 4  # distinct sizes, so the transposed layout has a different shape
A = rng.standard_normal((m, n))
x = rng.standard_normal(n)

J = num_jacobian(lambda x: A @ x, x)
ok = check("d(Ax)/dx = A  (m x n)", J, A)
ok &= check("d(Ax)/dx = A^T  (the other layout)", J, A.T, expect=False)

xs = sp.Matrix(sp.MatrixSymbol("x", n, 1))
ok &= check("SymPy: (A x).jacobian(x), m x n", (sp.Matrix(A) * xs).jacobian(xs), J)
# MatrixSymbol .diff uses the transposed layout for a vector by a vector: it gives A^T.
As, xm = sp.MatrixSymbol("A", m, n), sp.MatrixSymbol("x", n, 1)
D = (As * xm).diff(xm)
ok &= check(f"SymPy: (A*x).diff(x) = {D}, n x m", sp.Matrix(D.subs(As, sp.Matrix(A))), J.T)

sys.exit(0 if ok else 1)
