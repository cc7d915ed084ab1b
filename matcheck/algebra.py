"""The arithmetic every formula is evaluated in: NumPy arrays, or dual numbers over them.

Exact derivatives by forward mode. A `Dual(v, d, tag)` is a value `v` with a tangent `d` (the
derivative of `v` in one direction, `None` for zero). The primitives below (`matmul`, `inv`, `log`,
...) work on plain arrays and on duals alike, and a dual's rule is written with the same
primitives, so duals nest: a dual whose parts are duals of a lower tag gives second derivatives
(Hessians, a derivative of a derivative), exact to rounding, with no step size at all. Tags keep
nested directions apart (a lower tag is a constant to a higher one).

Every value is a 2-D array (a scalar is 1 x 1). The outermost derivative's tangent carries all k
directions at once, stacked on a leading axis (shape (k, rows, cols)), so a gradient with respect
to an n x m matrix is one evaluation, not n m; every primitive works on the last two axes and
broadcasts over the leading one. Nested derivatives take one direction at a time (a tangent of
the value's own shape), so their arrays never need a second batch axis. Complex arrays pass
through unchanged (transposes never
conjugate), which is what the complex-step alternative in evaluate.py relies on.

A primitive with no rule for a dual (the spectral norm's singular vectors of a dual matrix)
raises `NotAnalytic`; the evaluator then falls back to Richardson-extrapolated differences with an
error estimate.
"""
from __future__ import annotations

from typing import Union

import numpy as np


class NotAnalytic(ArithmeticError):
    """A primitive that has no exact derivative rule at this nesting."""


class Dual:
    """A value with the derivative(s) it carries in one direction tag (see the module's docstring)."""
    __slots__ = ("v", "d", "tag")

    def __init__(self, v, d, tag: int):
        self.v, self.d, self.tag = v, d, tag

    # operators, so that rules and samplers can be written plainly
    def __add__(self, o):
        return add(self, o)

    def __radd__(self, o):
        return add(o, self)

    def __sub__(self, o):
        return sub(self, o)

    def __rsub__(self, o):
        return sub(o, self)

    def __mul__(self, o):
        return mul(self, o)

    def __rmul__(self, o):
        return mul(o, self)

    def __truediv__(self, o):
        return div(self, o)

    def __rtruediv__(self, o):
        return div(o, self)

    def __neg__(self):
        return neg(self)

    def __matmul__(self, o):
        return matmul(self, o)

    def __rmatmul__(self, o):
        return matmul(o, self)

    @property
    def T(self):
        return transpose(self)

    @property
    def shape(self):
        return self.v.shape


Value = Union[np.ndarray, Dual]


def tag_of(x) -> int:
    return x.tag if isinstance(x, Dual) else 0


def primal(x) -> np.ndarray:
    """The plain array under any nesting of duals."""
    while isinstance(x, Dual):
        x = x.v
    return x


def real_primal(x) -> np.ndarray:
    return np.real(primal(x))


def magnitude(x) -> float:
    """The largest absolute entry of x and of every tangent in it (for the rounding allowance)."""
    if isinstance(x, Dual):
        return max(magnitude(x.v), magnitude(x.d) if x.d is not None else 0.0)
    return float(np.max(np.abs(x))) if np.size(x) else 0.0


def tangent(x: Value, tag: int, k: int | None) -> Value:
    """The derivative carried by x in direction `tag` (zeros when x does not depend on it): k
    directions stacked on a leading axis, or one direction (k None) in the value's own shape."""
    if isinstance(x, Dual) and x.tag == tag and x.d is not None:
        return x.d
    shape = primal(x.v if isinstance(x, Dual) and x.tag == tag else x).shape
    return np.zeros(shape if k is None else (k,) + shape)


def _split(a: Value, b: Value) -> Value:
    """(tag, a's value, a's tangent, b's value, b's tangent) at the outermost tag of a and b."""
    t = max(tag_of(a), tag_of(b))
    av, ad = (a.v, a.d) if tag_of(a) == t else (a, None)
    bv, bd = (b.v, b.d) if tag_of(b) == t else (b, None)
    return t, av, ad, bv, bd


def _plus(x, y):
    if x is None:
        return y
    if y is None:
        return x
    return add(x, y)


# --- binary primitives -----------------------------------------------------------------------------
def _fit(d, shape):
    """A tangent broadcast to its value's shape (a 1 x 1 term added to a matrix)."""
    if d is None or primal(d).shape[-2:] == shape:
        return d
    return mul(d, np.ones(shape))


def add(a: Value, b: Value) -> Value:
    if not isinstance(a, Dual) and not isinstance(b, Dual):
        return a + b
    t, av, ad, bv, bd = _split(a, b)
    v = add(av, bv)
    shape = primal(v).shape
    return Dual(v, _plus(_fit(ad, shape), _fit(bd, shape)), t)


def neg(a: Value) -> Value:
    if not isinstance(a, Dual):
        return -a
    return Dual(neg(a.v), None if a.d is None else neg(a.d), a.tag)


def sub(a: Value, b: Value) -> Value:
    return add(a, neg(b))


def mul(a: Value, b: Value) -> Value:
    """Elementwise product (a 1 x 1 factor broadcasts: a scalar times a matrix)."""
    if not isinstance(a, Dual) and not isinstance(b, Dual):
        return a * b
    t, av, ad, bv, bd = _split(a, b)
    return Dual(mul(av, bv), _plus(None if ad is None else mul(ad, bv), None if bd is None else mul(av, bd)), t)


def div(a: Value, b: Value) -> Value:
    """Elementwise quotient (b may be 1 x 1)."""
    if not isinstance(a, Dual) and not isinstance(b, Dual):
        return a / b
    t, av, ad, bv, bd = _split(a, b)
    v = div(av, bv)
    num = _plus(ad, None if bd is None else neg(mul(v, bd)))
    return Dual(v, None if num is None else div(num, bv), t)


def matmul(a: Value, b: Value) -> Value:
    if not isinstance(a, Dual) and not isinstance(b, Dual):
        return a @ b
    t, av, ad, bv, bd = _split(a, b)
    return Dual(matmul(av, bv),
                _plus(None if ad is None else matmul(ad, bv), None if bd is None else matmul(av, bd)), t)


def _kron(a: Value, b: Value) -> Value:
    """Kronecker product over the last two axes, broadcasting the leading ones."""
    if a.ndim == 2 and b.ndim == 2:
        return np.kron(a, b)
    out = np.einsum("...ij,...kl->...ikjl", a, b)
    return out.reshape(out.shape[:-4] + (a.shape[-2] * b.shape[-2], a.shape[-1] * b.shape[-1]))


def kron(a: Value, b: Value) -> Value:
    if not isinstance(a, Dual) and not isinstance(b, Dual):
        return _kron(a, b)
    t, av, ad, bv, bd = _split(a, b)
    return Dual(kron(av, bv), _plus(None if ad is None else kron(ad, bv), None if bd is None else kron(av, bd)), t)


# --- linear unary primitives: the tangent goes through the same map ------------------------------
def _linear(fn):
    def apply(a, *args):
        if not isinstance(a, Dual):
            return fn(a, *args)
        return Dual(apply(a.v, *args), None if a.d is None else apply(a.d, *args), a.tag)
    apply.__name__ = fn.__name__
    apply.__doc__ = fn.__doc__
    return apply


@_linear
def transpose(a: Value) -> Value:
    return np.swapaxes(a, -1, -2)


@_linear
def trace(a: Value) -> Value:
    return np.trace(a, axis1=-2, axis2=-1)[..., None, None]


@_linear
def total(a: Value) -> Value:
    """The sum of all entries, 1 x 1."""
    return a.sum(axis=(-2, -1), keepdims=True)


@_linear
def vec(a: Value) -> Value:
    """Columns stacked (column-major)."""
    return np.swapaxes(a, -1, -2).reshape(a.shape[:-2] + (-1, 1))


@_linear
def unvec(a, shape):
    """The inverse of vec: a column vector back to a matrix of `shape`."""
    return np.swapaxes(a.reshape(a.shape[:-2] + (shape[1], shape[0])), -1, -2)


@_linear
def diag(a: Value) -> Value:
    """diag(vector) is a diagonal matrix; diag(square matrix) is its diagonal as a vector."""
    if a.shape[-1] == 1:
        n = a.shape[-2]
        out = np.zeros(a.shape[:-2] + (n, n), dtype=a.dtype)
        idx = np.arange(n)
        out[..., idx, idx] = a[..., :, 0]
        return out
    return np.diagonal(a, axis1=-2, axis2=-1)[..., None]


@_linear
def column(a, j):
    return a[..., :, j:j + 1]


@_linear
def scatter_pairs(a, pairs, n):
    """k derivatives (k, 1, 1) along the free entries `pairs` of a symmetric or diagonal n x n
    matrix, into that matrix (each value at (i, j) and (j, i))."""
    out = np.zeros(a.shape[:-3] + (n, n), dtype=a.dtype)
    rows = np.array([p[0] for p in pairs])
    cols = np.array([p[1] for p in pairs])
    out[..., rows, cols] = a[..., :, 0, 0]
    out[..., cols, rows] = a[..., :, 0, 0]
    return out


@_linear
def entry(a, i, j):
    return a[..., i:i + 1, j:j + 1]


@_linear
def from_batch(a, kind, shape):
    """A derivative's k directions (the leading axis of the last three) into the layout's matrix:
    "gradient" (k, 1, 1) -> the variable's shape; "jacobian" (k, m, 1) -> m x k; "scalar"
    (1, r, c) -> r x c."""
    if kind == "gradient":
        return a.reshape(a.shape[:-3] + tuple(shape))
    if kind == "jacobian":
        return np.swapaxes(a[..., 0], -1, -2)
    return a[..., 0, :, :]


def concat(parts: list) -> Value:
    """Stack column vectors into one column vector."""
    if not any(isinstance(p, Dual) for p in parts):
        return np.concatenate(parts, axis=-2)
    t = max(tag_of(p) for p in parts)
    vs = [p.v if tag_of(p) == t else p for p in parts]
    known = [p for p in parts if tag_of(p) == t and p.d is not None]
    if not known:
        return Dual(concat(vs), None, t)
    # the tangents' leading axes (k directions, or none) as the first known tangent has them
    lead = primal(known[0].d).shape[:-2]
    ds = [p.d if tag_of(p) == t and p.d is not None else
          np.zeros(lead + primal(p.v if tag_of(p) == t else p).shape) for p in parts]
    return Dual(concat(vs), concat(ds), t)


# --- nonlinear unary primitives ------------------------------------------------------------------
def exp(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.exp(a)
    e = exp(a.v)
    return Dual(e, None if a.d is None else mul(e, a.d), a.tag)


def log(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.log(a)
    return Dual(log(a.v), None if a.d is None else div(a.d, a.v), a.tag)


def sqrt(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.sqrt(a)
    s = sqrt(a.v)
    return Dual(s, None if a.d is None else div(a.d, mul(s, 2.0)), a.tag)


def sin(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.sin(a)
    return Dual(sin(a.v), None if a.d is None else mul(cos(a.v), a.d), a.tag)


def cos(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.cos(a)
    return Dual(cos(a.v), None if a.d is None else neg(mul(sin(a.v), a.d)), a.tag)


def tanh(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.tanh(a)
    t = tanh(a.v)
    return Dual(t, None if a.d is None else mul(sub(1.0, mul(t, t)), a.d), a.tag)


def power(a: Value, k: float) -> Value:
    """Elementwise a**k for a constant real k."""
    if not isinstance(a, Dual):
        return a ** k
    return Dual(power(a.v, k), None if a.d is None else mul(mul(power(a.v, k - 1), float(k)), a.d), a.tag)


def inv(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.linalg.inv(a)
    vi = inv(a.v)
    return Dual(vi, None if a.d is None else neg(matmul(matmul(vi, a.d), vi)), a.tag)


def det(a: Value) -> Value:
    if not isinstance(a, Dual):
        return np.linalg.det(a)[..., None, None]
    dv = det(a.v)
    if a.d is None:
        return Dual(dv, None, a.tag)
    # Jacobi's formula; the draws of anything whose determinant is differentiated are invertible.
    return Dual(dv, mul(dv, trace(matmul(inv(a.v), a.d))), a.tag)


def pinv(a: Value) -> Value:
    """The Moore-Penrose pseudo-inverse; the rule holds where the rank is constant (every draw is
    full rank, or rank deficient by construction for all values of its variable)."""
    if not isinstance(a, Dual):
        # Singular values below 1e-10 of the largest are rounding of an exact zero (the draws are
        # full rank or exactly rank deficient, like lambda_i I - A).
        return np.linalg.pinv(a, rcond=1e-10)
    p = pinv(a.v)
    if a.d is None:
        return Dual(p, None, a.tag)
    rows, cols = primal(a.v).shape
    da, dat, pt = a.d, transpose(a.d), transpose(p)
    d = add(add(neg(matmul(matmul(p, da), p)),
                matmul(matmul(matmul(p, pt), dat), sub(np.eye(rows), matmul(a.v, p)))),
            matmul(matmul(sub(np.eye(cols), matmul(p, a.v)), dat), matmul(pt, p)))
    return Dual(p, d, a.tag)


def _eye_like(a):
    return np.eye(primal(a).shape[-1])


def _scaling(a) -> int:
    """How many halvings bring a's norm under 1/2 (scaling and squaring)."""
    norm = float(np.abs(real_primal(a)).sum(axis=0).max()) if primal(a).size else 0.0
    return max(0, int(np.ceil(np.log2(norm))) + 1) if norm > 0.5 else 0


def expm(a: Value) -> Value:
    """The matrix exponential: Taylor series of a / 2^s to 18 terms, squared s times. Written with
    the primitives, so duals differentiate the algorithm exactly (its Frechet derivative to the
    same precision)."""
    s = _scaling(a)
    x = mul(a, 2.0 ** -s)
    term, out = _eye_like(a), _eye_like(a)
    for k in range(1, 19):
        term = div(matmul(term, x), float(k))
        out = add(out, term)
    for _ in range(s):
        out = matmul(out, out)
    return out


def sincosm(a):
    """(sin A, cos A) of a square matrix: Taylor series of A / 2^s, then the double-angle formulas
    sin 2X = 2 sin X cos X, cos 2X = 2 cos^2 X - I (sin X and cos X commute)."""
    s = _scaling(a)
    x = mul(a, 2.0 ** -s)
    eye = _eye_like(a)
    sin_x, cos_x, term = x, eye, x
    for k in range(1, 10):
        term = div(matmul(term, x), float(2 * k))          # x^(2k) / (2k)!
        cos_x = add(cos_x, term) if k % 2 == 0 else sub(cos_x, term)
        term = div(matmul(term, x), float(2 * k + 1))      # x^(2k+1) / (2k+1)!
        sin_x = add(sin_x, term) if k % 2 == 0 else sub(sin_x, term)
    for _ in range(s):
        sin_x, cos_x = mul(matmul(sin_x, cos_x), 2.0), sub(mul(matmul(cos_x, cos_x), 2.0), eye)
    return sin_x, cos_x


def eigh(a):
    """Eigenvalues (ascending, a column) and unit eigenvectors (columns) of a symmetric matrix with
    simple eigenvalues; each eigenvector's sign makes its largest entry positive. Exact rules:
    dl_i = v_i^T dA v_i, dV = V (G o (V^T dA V)) with G_ji = 1 / (l_i - l_j) off the diagonal."""
    if not isinstance(a, Dual):
        w, v = np.linalg.eigh(a)
        signs = np.sign(v[np.argmax(np.abs(v), axis=0), np.arange(v.shape[1])])
        return w.reshape(-1, 1), v * signs
    w, v = eigh(a.v)
    if a.d is None:
        return Dual(w, None, a.tag), Dual(v, None, a.tag)
    n = primal(w).shape[0]
    m = matmul(matmul(transpose(v), a.d), v)
    gap = sub(transpose(w), w)                         # gap[j, i] = l_i - l_j
    g = mul(div(1.0, add(gap, np.eye(n))), 1.0 - np.eye(n))
    return Dual(w, diag(m), a.tag), Dual(v, matmul(v, mul(g, m)), a.tag)


def singular_triplet(a):
    """The largest singular value of a real matrix with its vectors (exact rule for a simple one)."""
    if isinstance(a, Dual):
        raise NotAnalytic("the spectral norm of a matrix that is itself a derivative direction")
    u, s, vt = np.linalg.svd(np.real(a))
    return u[:, :1], s[0], vt[:1, :].T


def norm2(a: Value) -> Value:
    """The spectral norm (a vector's 2-norm for a column)."""
    if not isinstance(a, Dual):
        if np.iscomplexobj(a):
            raise NotAnalytic("the spectral norm is not analytic (no complex step)")
        return np.array([[np.linalg.norm(a, 2)]])
    if isinstance(a.v, Dual) or np.iscomplexobj(a.v):
        raise NotAnalytic("the spectral norm's second derivative")
    u, s, v = singular_triplet(a.v)
    return Dual(np.array([[s]]), None if a.d is None else u.T @ a.d @ v, a.tag)


def nuclear(a: Value) -> Value:
    """The nuclear norm (sum of singular values); exact rule at full rank."""
    if not isinstance(a, Dual):
        if np.iscomplexobj(a):
            raise NotAnalytic("the nuclear norm is not analytic (no complex step)")
        return np.array([[np.linalg.norm(a, "nuc")]])
    if isinstance(a.v, Dual) or np.iscomplexobj(a.v):
        raise NotAnalytic("the nuclear norm's second derivative")
    u, s, vt = np.linalg.svd(a.v, full_matrices=False)
    return Dual(np.array([[s.sum()]]), None if a.d is None else trace(u.T @ a.d @ vt.T), a.tag)


def stack_columns(cols):
    """[c_1 ... c_n] from column vectors (arrays or duals)."""
    n = len(cols)
    out = None
    for j, col in enumerate(cols):
        unit = np.zeros((1, n))
        unit[0, j] = 1.0
        term = matmul(col, unit)
        out = term if out is None else add(out, term)
    return out


def assemble(entries, shape):
    """A matrix of `shape` from 1 x 1 values [(value, i, j), ...]."""
    out = None
    for value, i, j in entries:
        unit = np.zeros(shape)
        unit[i, j] = 1.0
        term = mul(value, unit)
        out = term if out is None else add(out, term)
    return out


def shift(a) -> float:
    """A constant to subtract before exp (softmax, log-sum-exp): it cancels exactly, so it is taken
    from the real primal and carries no derivative."""
    return float(np.max(real_primal(a)))
