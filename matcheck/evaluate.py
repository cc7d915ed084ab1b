"""Pass 3: values. Formula tree -> NumPy values under a page's declarations and definitions, with
exact derivatives, in the site's layout: the gradient of a scalar has the variable's shape; the
Jacobian of y in R^m w.r.t. x in R^n is m x n; the derivative of a matrix w.r.t. a scalar is
elementwise.

Derivatives are forward mode with dual numbers (algebra.py): exact to rounding, nested for
Hessians and derivatives of derivatives. Two alternatives are kept for comparison (README,
bench/derivative_methods.py): the complex step ("complex": x + i h e_k, derivative Im f / h, exact
too, for one level) and central differences ("central", the checker's former method). Where a
function has no exact rule (the spectral and nuclear norms under a second derivative), Richardson
extrapolation of central differences is the fallback, and its error estimate widens the tolerance
of that draw only.

The passes before this one: resolve.py (symbols), shapes.py (sizes). One rule per node type here
too (functools.singledispatch).
"""
from __future__ import annotations

import itertools
from functools import singledispatch

import numpy as np

from . import algebra as al
from .errors import CheckError, NotEvaluable, ShapeError  # noqa: F401  (re-exported)
from .functions import TABLE
from .resolve import Scope, key_of, resolve  # noqa: F401  (re-exported)
from .sample import ScalarFunction, SmoothMap, sample_value
from .shapes import Dim, Shapes, _is_zero  # noqa: F401  (re-exported)
from .tree import (
    Add,
    Apply,
    BigOp,
    Bound,
    Delta,
    Deriv,
    DimSize,
    Div,
    Entry,
    Func,
    Hessian,
    HOp,
    Identity,
    Indexed,
    IntPow,
    Inv,
    Mul,
    Node,
    Num,
    Ones,
    Pow,
    SingleEntry,
    Sym,
    T,
    children,
)

METHODS = ("dual", "complex", "central")
COMPLEX_STEP = 1e-30


class Env:
    """Values for one draw: sizes, base samples, functions; overrides while differentiating.
    `stats` is shared by every Env of the draw: the largest magnitude any intermediate value
    reached (the rounding allowance scales with it) and the fallback's error estimate."""

    def __init__(self, scope: Scope, shapes: Shapes, sizes: dict, rng, overrides=None, base=None,
                 maps=None, indices=None, stats=None, level: int = 0, method: str = "dual", sampler=None):
        self.scope, self.shapes, self.sizes, self.rng = scope, shapes, sizes, rng
        self.overrides = overrides or {}
        self.base = base if base is not None else {}
        self.maps = maps if maps is not None else {}
        self.indices = indices or {}
        self.cache: dict = {}
        self.stats = stats if stats is not None else {"magnitude": 0.0, "fallback": 0.0, "fallbacks": 0}
        self.level, self.method = level, method
        self.sampler = sampler or sample_value   # (rng, decl, shape) -> a value

    def derived(self, overrides=None, indices=None, level=None) -> Env:
        return Env(self.scope, self.shapes, self.sizes, self.rng,
                   self.overrides if overrides is None else overrides, self.base, self.maps,
                   self.indices if indices is None else indices, self.stats,
                   self.level if level is None else level, self.method, self.sampler)

    def with_override(self, key, value, level=None) -> Env:
        return self.derived({**self.overrides, key: value}, level=level)

    def with_indices(self, indices) -> Env:
        return self.derived(indices=indices)

    def size(self, d: Dim) -> int:
        s = self.sizes.get(id(d.find()))
        if s is None:
            raise CheckError(f"dimension {d.label()} has no size")  # pragma: no cover
        return s

    def shape_of(self, shape) -> tuple:
        return (self.size(shape[0]), self.size(shape[1]))

    def symbol(self, key: str):
        if key in self.overrides:
            return self.overrides[key]
        if key in self.cache:
            return self.cache[key]
        if key in self.scope.defs:
            value = self.eval(self.scope.defs[key])
        else:
            decl = self.scope.decls[key]
            shape = self.shape_of(self.shapes.of_sym(key))
            if decl.kind in ("eigenvalues", "eigenvectors"):
                w, v = al.eigh(self.symbol(decl.deps[0]))
                value = w if decl.kind == "eigenvalues" else v
            elif decl.function:
                fmap = self.maps.get(key)
                if fmap is None:
                    fmap = self.maps[key] = SmoothMap(self.rng, shape, decl)
                value = fmap(al.concat([al.vec(self.symbol(d)) for d in decl.deps]))
            else:
                if key not in self.base:
                    self.base[key] = self.sampler(self.rng, decl, shape)
                value = self.base[key]
        self.cache[key] = value
        return value

    def eval(self, node: Node):
        value = _ev(node, self)
        # The values a side is computed from, at every level of differentiation: the rounding
        # allowance scales with the largest of them (cancellation leaves eps times that:
        # d(F F^{-1})/dx is 1e-16, not 0, from entries of size 1).
        self.note_magnitude(abs(al.primal(value)).max())
        return value

    def note_magnitude(self, size) -> None:
        """Widen the draw's rounding allowance to `size` (see eval): also called with the size a
        computation's own rounding is relative to, where that is not one of its values."""
        if size > self.stats["magnitude"]:
            self.stats["magnitude"] = float(size)

    # -- derivatives ------------------------------------------------------------------------------
    def derivative(self, node: Deriv):
        var = node.var
        if isinstance(var, Indexed):
            key = var.base.name
            full = self.symbol(key)
            pos = tuple(self.indices[ch] for ch in var.index)
            entries = [pos if len(pos) == 2 else (pos[0], 0)]
        else:
            key = var.name
            full = self.symbol(key)
            rows, cols = al.primal(full).shape
            entries = list(itertools.product(range(rows), range(cols)))
            decl = self.scope.decls.get(key)
            if decl is not None and "structured" in decl.props:
                return self._structured(node, key, full, decl)
        shape = al.primal(full).shape
        layout = "mixed" if node.style == "nabla" else self.scope.layout
        batch, parts = self._directions(node.expr, key, full, entries)
        out_shape = al.primal(batch).shape[-2:] if batch is not None else al.primal(parts[0]).shape
        if isinstance(var, Indexed):
            return al.from_batch(batch, "scalar", out_shape) if batch is not None else parts[0]
        if out_shape == (1, 1):
            grad = al.from_batch(batch, "gradient", shape) if batch is not None else \
                al.assemble([(g, i, j) for g, (i, j) in zip(parts, entries)], shape)
            return al.transpose(grad) if layout == "numerator" else grad
        if shape == (1, 1):
            d = al.from_batch(batch, "scalar", out_shape) if batch is not None else parts[0]
            return al.transpose(d) if layout == "denominator" and out_shape[1] == 1 else d
        if out_shape[1] == 1 and shape[1] == 1:
            # Jacobian: rows follow y, columns follow x
            jac = al.from_batch(batch, "jacobian", out_shape) if batch is not None else al.stack_columns(parts)
            return al.transpose(jac) if layout == "denominator" else jac
        raise ShapeError("a derivative that would be a tensor")  # pragma: no cover (shape pass catches it)

    def _directions(self, expr: Node, key: str, full, entries: list):
        """d expr / d key[pos] for each pos: (all at once on a leading axis, None) with dual numbers
        at the outermost derivative (one evaluation), else (None, one value per entry): nested
        derivatives entry by entry, the complex step, differences, or the Richardson fallback where
        no exact rule exists. (A nested level batched too would need an axis of its own per level.)"""
        shape = al.primal(full).shape
        if self.method == "central":
            return None, [self._central(expr, key, full, pos, 1e-5) for pos in entries]
        try:
            if self.method == "complex" and not isinstance(full, al.Dual) and np.isrealobj(full):
                return None, [np.imag(self.with_override(key, full + 1j * COMPLEX_STEP * _unit(shape, pos))
                                      .eval(expr)) / COMPLEX_STEP for pos in entries]
            tag = self.level + 1
            if self.level == 0:
                seeds = np.stack([_unit(shape, pos) for pos in entries])
                value = self.with_override(key, al.Dual(full, seeds, tag), level=tag).eval(expr)
                return al.tangent(value, tag, len(entries)), None
            return None, [al.tangent(self.with_override(key, al.Dual(full, _unit(shape, pos), tag), level=tag)
                                     .eval(expr), tag, None) for pos in entries]
        except al.NotAnalytic:
            return None, [self._richardson(expr, key, full, pos) for pos in entries]

    def _structured(self, node: Deriv, key: str, full, decl):
        """The derivative over a structured variable's free entries (the Cookbook's convention):
        a symmetric X moves X_ij and X_ji together (one free entry per pair), a diagonal X only its
        diagonal; the result has X's structure."""
        n = al.primal(full).shape[0]
        pairs = [(i, i) for i in range(n)] if "diagonal" in decl.props else \
            [(i, j) for i in range(n) for j in range(i, n)]
        directions = []
        for i, j in pairs:
            seed = np.zeros((n, n))
            seed[i, j] = seed[j, i] = 1.0
            directions.append(seed)
        if self.level == 0 and self.method != "central":
            tag = self.level + 1
            value = self.with_override(key, al.Dual(full, np.stack(directions), tag), level=tag).eval(node.expr)
            if al.primal(value).shape != (1, 1):
                raise ShapeError("a derivative with respect to a structured matrix needs a scalar")
            parts = al.tangent(value, tag, len(pairs))
            return al.scatter_pairs(parts, pairs, n)
        parts = []
        for seed in directions:
            tag = self.level + 1
            value = self.with_override(key, al.Dual(full, seed, tag), level=tag).eval(node.expr)
            parts.append(al.tangent(value, tag, None))
        return al.assemble([(p, i, j) for p, (i, j) in zip(parts, pairs)] +
                           [(p, j, i) for p, (i, j) in zip(parts, pairs) if i != j], (n, n))

    def _central(self, expr, key, full, pos, step):
        h = step * max(1.0, abs(float(al.real_primal(full)[pos])))
        unit = _unit(al.primal(full).shape, pos) * h
        up = self.with_override(key, al.add(full, unit)).eval(expr)
        down = self.with_override(key, al.sub(full, unit)).eval(expr)
        return al.div(al.sub(up, down), 2 * h)

    def _richardson(self, expr, key, full, pos):
        coarse = self._central(expr, key, full, pos, 1e-3)
        fine = self._central(expr, key, full, pos, 5e-4)
        best = al.div(al.sub(al.mul(fine, 4.0), coarse), 3.0)
        self.stats["fallback"] = max(self.stats["fallback"], al.magnitude(al.sub(best, fine)))
        self.stats["fallbacks"] += 1
        return best

    def hessian(self, node: Hessian):
        # The Jacobian of the gradient: two nested levels of dual numbers.
        return self.derivative(Deriv(Deriv(node.expr, node.var, "nabla"), node.var, "nabla"))


def _unit(shape, pos) -> np.ndarray:
    u = np.zeros(shape)
    u[pos] = 1.0
    return u


# ------------------------------------------------------------------------------------------------
# One evaluation rule per node type
# ------------------------------------------------------------------------------------------------
@singledispatch
def _ev(node: Node, env: Env):
    raise CheckError(f"cannot evaluate {type(node).__name__}")  # pragma: no cover


@_ev.register
def _(node: Num, env: Env):
    return np.array([[float(node.value)]])


@_ev.register
def _(node: DimSize, env: Env):
    return np.array([[float(env.size(env.shapes.letter(node.letter)))]])


@_ev.register
def _(node: Sym, env: Env):
    return env.symbol(node.name)


@_ev.register
def _(node: Identity, env: Env):
    return np.eye(env.size(env.shapes.of(node)[0]))


@_ev.register
def _(node: Ones, env: Env):
    return np.ones((env.size(env.shapes.of(node)[0]), 1))


@_ev.register
def _(node: HOp, env: Env):
    a, b = env.eval(node.left), env.eval(node.right)
    return al.kron(a, b) if node.op == "kron" else al.mul(a, b)


@_ev.register
def _(node: Hessian, env: Env):
    return env.hessian(node)


@_ev.register
def _(node: Deriv, env: Env):
    return env.derivative(node)


def _positions(env: Env, letters, shape) -> tuple:
    idx = tuple(env.indices[ch] for ch in letters)
    for ch, i, n in zip(letters, idx, shape):
        if not 0 <= i < n:
            raise CheckError(f"index {ch} = {i + 1} is out of range (entries are numbered 1 to {n})")
    return idx


@_ev.register
def _(node: Indexed, env: Env):
    base = env.eval(node.base)
    decl = env.scope.decls.get(node.base.name)
    columns = len(node.index) == 1 and decl is not None and decl.kind == "eigenvectors"
    idx = _positions(env, node.index, al.primal(base).shape[1:] if columns else al.primal(base).shape)
    if columns:
        return al.column(base, idx[0])
    return al.entry(base, idx[0], 0) if len(idx) == 1 else al.entry(base, idx[0], idx[1])


@_ev.register
def _(node: SingleEntry, env: Env):
    out = np.zeros(env.shape_of(env.shapes.of(node)))
    out[_positions(env, node.index, out.shape)] = 1.0
    return out


@_ev.register
def _(node: Entry, env: Env):
    value = env.eval(node.expr)
    idx = _positions(env, node.index, al.primal(value).shape)
    return al.entry(value, idx[0], 0) if len(idx) == 1 else al.entry(value, idx[0], idx[1])


@_ev.register
def _(node: Delta, env: Env):
    return np.array([[1.0 if env.indices[node.i] == env.indices[node.j] else 0.0]])


@_ev.register
def _(node: Add, env: Env):
    total = None
    for sign, term in node.terms:
        if _is_zero(term):
            continue
        v = env.eval(term)
        if total is None:
            total = v if sign > 0 else al.neg(v)
        else:
            total = al.add(total, v) if sign > 0 else al.sub(total, v)
    return total if total is not None else np.zeros(env.shape_of(env.shapes.of(node)))


@_ev.register
def _(node: Mul, env: Env):
    acc = env.eval(node.factors[0])
    for f in node.factors[1:]:
        v = env.eval(f)
        acc = al.mul(acc, v) if al.primal(acc).shape == (1, 1) or al.primal(v).shape == (1, 1) else al.matmul(acc, v)
    return acc


@_ev.register
def _(node: Div, env: Env):
    return al.div(env.eval(node.num), env.eval(node.den))


@_ev.register
def _(node: T, env: Env):
    return al.transpose(env.eval(node.arg))


@_ev.register
def _(node: Inv, env: Env):
    m = env.eval(node.arg)
    if al.primal(m).shape == (1, 1):
        return al.div(1.0, m)
    out = al.inv(m)
    # An inverse is exact to cond(M) times eps of its size: a draw whose matrix is ill-conditioned
    # (a Schur complement, B^T A for random A, B) is allowed that much more rounding. A matrix
    # singular to working precision tests nothing (its inverse is rounding): the draw fails.
    cond = _condition(al.primal(m), al.primal(out))
    if not cond < SINGULAR:
        raise CheckError(f"a matrix to invert is singular on this draw (condition number {cond:.2g})")
    env.note_magnitude(cond * abs(al.primal(out)).max())
    return out


SINGULAR = 1 / (1e3 * np.finfo(float).eps)   # beyond this condition number, the rounding is all


def _condition(m, m_inv) -> float:
    """The condition number in the infinity norm, from the inverse already computed (no second
    factorization on every inverse the checker evaluates)."""
    def norm(a):
        return np.linalg.norm(np.abs(np.asarray(a)), ord=np.inf, axis=(-2, -1))
    return float(np.max(norm(m) * norm(m_inv)))


@_ev.register
def _(node: Pow, env: Env):
    return _power(env.eval(node.arg), node.k)


def _power(m, k):
    if al.primal(m).shape == (1, 1):
        return al.power(m, k)
    k = int(k)
    if k == 0:
        return np.eye(al.primal(m).shape[0])
    base = al.inv(m) if k < 0 else m
    out = base
    for _ in range(abs(k) - 1):
        out = al.matmul(out, base)
    return out


def _integer(env: Env, node: Node, what: str) -> int:
    k = float(np.real(al.primal(env.eval(node)))[0, 0])
    if abs(k - round(k)) > 1e-9:
        raise CheckError(f"{what} is {k:g}, not an integer")
    return int(round(k))


@_ev.register
def _(node: Bound, env: Env):
    # A sum's index is kept as a 0-based position, like every index: x_r is entry r (from 1).
    return np.array([[float(env.indices[node.name] + 1)]])


@_ev.register
def _(node: BigOp, env: Env):
    lo, hi = _integer(env, node.lo, "a lower bound"), _integer(env, node.hi, "an upper bound")
    if hi - lo > 1000:
        raise CheckError(f"a {node.op} over {hi - lo + 1} terms: keep ranges small")
    out = None
    for value in range(lo, hi + 1):
        term = env.with_indices({**env.indices, node.index: value - 1}).eval(node.body)
        if out is None:
            out = term
        elif node.op == "sum":
            out = al.add(out, term)
        else:
            out = al.mul(out, term) if al.primal(term).shape == (1, 1) else al.matmul(out, term)
    if out is None:   # an empty range: the sum is 0, the product the identity
        shape = env.shape_of(env.shapes.of(node))
        return np.zeros(shape) if node.op == "sum" else np.eye(shape[0])
    return out


@_ev.register
def _(node: IntPow, env: Env):
    return _power(env.eval(node.arg), _integer(env, node.exp, "the exponent"))


@_ev.register
def _(node: Func, env: Env):
    arg = env.eval(node.arg)
    if node.name in ("det", "bars") and al.primal(arg).shape[-1] > 1:
        # A determinant is exact to eps of the product of its rows' lengths (Hadamard's bound),
        # which can be far larger than the determinant itself: det(S - lambda_i I) = 0.
        env.note_magnitude(float(np.max(np.prod(np.linalg.norm(al.primal(arg), axis=-1), axis=-1))))
    return TABLE[node.name].impl(arg)


@_ev.register
def _(node: Apply, env: Env):
    name = node.fn.rstrip("'")
    decl = env.scope.decls[name]
    arg = env.eval(node.arg)
    if decl.kind == "elementwise":
        fn = env.maps.get(name)
        if fn is None:
            fn = env.maps[name] = ScalarFunction(env.rng)
        return fn.derivative(arg) if node.fn.endswith("'") else fn(arg)
    fmap = env.maps.get(node.fn)
    if fmap is None:
        fmap = env.maps[node.fn] = SmoothMap(env.rng, env.shape_of(env.shapes.decl_shape(decl)), decl)
    return fmap(al.vec(arg))


def free_indices(nodes) -> list:
    """The index letters a formula's sides use that no sum or product binds: the formula holds
    for every value of each, so every combination is checked."""
    found = []

    def visit(node, bound):
        if isinstance(node, BigOp):
            bound = bound | {node.index}
        letters = node.index if isinstance(node, (Indexed, Entry, SingleEntry)) else \
            (node.i, node.j) if isinstance(node, Delta) else ()
        for ch in letters:
            if ch not in bound and ch not in found:
                found.append(ch)
        for child in children(node):
            visit(child, bound)

    for n in nodes:
        visit(n, frozenset())
    return found
