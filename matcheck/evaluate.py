"""Formula AST -> NumPy values, under a page's declarations and definitions.

Three passes over one formula:
  resolve  symbols against the declarations (S_0 vs an indexed x_i; f(u) applied vs a product)
  shapes   union-find over dimensions, so "matrices of appropriate dimensions" get consistent sizes
  values   every value a 2-D float64 array; derivatives by central finite differences, in the site's
           layout: the gradient of a scalar has the variable's shape; the Jacobian of y in R^m w.r.t.
           x in R^n is m x n; the derivative of a matrix w.r.t. a scalar is elementwise.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .declare import Decl
from .tree import (Add, Apply, Delta, Deriv, DimSize, Div, DOp, Func, Hessian, HOp, Identity, Indexed, Inv,
                   Mul, Node, Notation, Num, Ones, Pow, Sym, T, walk)


class CheckError(ValueError):
    """A formula cannot be evaluated as written (unknown symbol, shape mismatch, notation...)."""


class ShapeError(CheckError):
    pass


class NotEvaluable(CheckError):
    """Notation a reader understands but an evaluator cannot (component lists, \\dots, R^n)."""


# ------------------------------------------------------------------------------------------------
# Scope: what a page has declared and defined so far
# ------------------------------------------------------------------------------------------------
@dataclass
class Scope:
    decls: dict        # key -> Decl
    defs: dict         # key -> resolved Node

    def copy(self) -> "Scope":
        return Scope(dict(self.decls), dict(self.defs))

    def indices(self) -> set:
        return {k for k, d in self.decls.items() if d.kind == "index"}

    def dim_letters(self) -> set:
        return {d for decl in self.decls.values() if decl.kind in ("vector", "matrix")
                for d in decl.dims if not d.isdigit()}

    @property
    def layout(self) -> str:
        """mixed (the site's: gradient like the variable, Jacobian m x n), numerator or denominator."""
        d = self.decls.get("@layout")
        return d.dims[0] if d else "mixed"


def key_of(sym: Sym) -> str:
    return sym.name if sym.sub is None else f"{sym.name}_{sym.sub}"


# ------------------------------------------------------------------------------------------------
# Pass 1: resolve
# ------------------------------------------------------------------------------------------------
def resolve(node: Node, scope: Scope) -> Node:
    """Rewrite symbols into their final meaning; raise CheckError on an undeclared symbol."""
    r = lambda n: resolve(n, scope)  # noqa: E731
    if isinstance(node, Sym):
        key = key_of(node)
        if key.endswith("'") and key[:-1] in scope.decls and scope.decls[key[:-1]].kind == "elementwise":
            raise CheckError(f"`{key}` is a function: apply it, as in `{key}(x)`")
        if key in scope.decls or key in scope.defs:
            if key in scope.decls and scope.decls[key].applied:
                raise CheckError(f"`{key}` is declared as a function: apply it, as in `{key}(u)`")
            return Sym(key)
        if node.sub is not None and (node.name in scope.decls or node.name in scope.defs):
            letters = tuple(node.sub)
            if all(ch in scope.indices() for ch in letters):
                return Indexed(Sym(node.name), letters)
            raise CheckError(f"`{key}` is not declared (components like `{key}` are notation: "
                             f"use them only in a `:=` definition, or declare `{node.sub}` as an index)")
        if node.sub is None and key in scope.dim_letters():
            return DimSize(key)  # `n` in a formula: the size of the dimension n
        raise CheckError(f"symbol `{key}` is not declared: add it to the page's `/// where` block")
    if isinstance(node, Mul):
        factors = list(node.factors)
        out = []
        k = 0
        while k < len(factors):
            f = factors[k]
            decl = scope.decls.get(key_of(f)) if isinstance(f, Sym) else None
            nxt = factors[k + 1] if k + 1 < len(factors) else None
            transposed = isinstance(nxt, T)
            if decl and decl.function and decl.deps and nxt is not None and \
                    _names(nxt.arg if transposed else nxt) == list(decl.deps):
                # `y(x)` for a declared function of x is just y (and `y(x)^T` is its transpose)
                out.append(T(Sym(key_of(f))) if transposed else Sym(key_of(f)))
                k += 2
                continue
            if isinstance(f, Sym) and nxt is not None and _prime_of(f, scope):
                out.append(Apply(key_of(f), r(nxt)))  # f'(x): the derivative of an elementwise f
                k += 2
                continue
            if isinstance(f, Sym) and f.name == "\\sigma" and f.sub is None and "\\sigma" not in scope.decls \
                    and "\\sigma" not in scope.defs and nxt is not None:
                out.append(Func("sigmoid", r(nxt)))  # \sigma(z), the logistic sigmoid, unless declared
                k += 2
                continue
            if decl and decl.applied:
                if k + 1 >= len(factors):
                    raise CheckError(f"function `{key_of(f)}` is not applied to anything")
                out.append(Apply(key_of(f), r(factors[k + 1])))
                k += 2
                continue
            out.append(r(f))
            k += 1
        return out[0] if len(out) == 1 else Mul(tuple(out))
    if isinstance(node, Add):
        return Add(tuple((s, r(t)) for s, t in node.terms))
    if isinstance(node, T):
        return T(r(node.arg))
    if isinstance(node, Inv):
        return Inv(r(node.arg))
    if isinstance(node, Pow):
        return Pow(r(node.arg), node.k)
    if isinstance(node, Func):
        return Func(node.name, r(node.arg))
    if isinstance(node, HOp):
        return HOp(node.op, r(node.left), r(node.right))
    if isinstance(node, Hessian):
        var = r(node.var)
        if not isinstance(var, Sym):
            raise CheckError("a Hessian must be taken with respect to a symbol")
        return Hessian(r(node.expr), var)
    if isinstance(node, Deriv):
        var = r(node.var)
        if not isinstance(var, (Sym, Indexed)):
            raise CheckError("a derivative must be taken with respect to a symbol")
        return Deriv(r(node.expr), var, node.style)
    if isinstance(node, Div):
        return Div(r(node.num), r(node.den))
    if isinstance(node, Delta):
        for ch in (node.i, node.j):
            if ch not in scope.indices():
                raise CheckError(f"`\\delta_{{{node.i}{node.j}}}` needs `{ch}` declared as an index")
        return node
    if isinstance(node, DOp):
        raise CheckError("a derivative operator with nothing to differentiate")
    if isinstance(node, Notation):
        raise NotEvaluable(_notation_message(node))
    if isinstance(node, (Num, Identity, Indexed, Apply, Ones, DimSize)):
        return node
    raise CheckError(f"cannot evaluate {type(node).__name__}")  # pragma: no cover




def _prime_of(sym: Sym, scope: Scope) -> bool:
    key = key_of(sym)
    return key.endswith("'") and key[:-1] in scope.decls and scope.decls[key[:-1]].kind == "elementwise"


def _names(node) -> list:
    if isinstance(node, Sym):
        return [key_of(node)]
    return [None]


def _notation_message(node: Notation) -> str:
    return {
        "component list": "a component list `[ ... ]` is notation: use it only in a `:=` definition",
        "dots": "`\\dots` is notation: use it only in a `:=` definition",
        "reals": "`\\mathbb{R}` is notation: use it only after `\\in`",
    }.get(node.what, f"{node.what} is notation")


# ------------------------------------------------------------------------------------------------
# Pass 2: shapes
# ------------------------------------------------------------------------------------------------
class Dim:
    """A dimension in a union-find: named (declared letter), fixed (1 or a number), free, or the
    product of other dimensions (the rows of a Kronecker product, the length of vec X)."""
    __slots__ = ("parent", "name", "size", "factors", "anon")

    def __init__(self, name=None, size=None, factors=None, anon=None):
        # anon: the size of an I or a \mathbf{1}, which nothing but the formula can fix
        self.parent, self.name, self.size, self.factors, self.anon = self, name, size, factors, anon

    def find(self) -> "Dim":
        d = self
        while d.parent is not d:
            d.parent = d.parent.parent
            d = d.parent
        return d

    def label(self) -> str:
        d = self.find()
        if d.factors:
            return "(" + "·".join(f.label() for f in d.factors) + ")"
        return d.name or (str(d.size) if d.size is not None else "?")


class Shapes:
    """Shape inference for one formula (one set of dimensions)."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self.one = Dim("1", 1)
        self.letters: dict = {}
        self.sym_shapes: dict = {}
        self.index_dims: dict = {}
        self.memo: dict = {}
        self.tall: list = []      # (rows, cols) that must have more rows than columns

    # -- union-find --------------------------------------------------------------------------------
    def letter(self, name: str) -> Dim:
        if name.isdigit():
            return self.one if name == "1" else self.letters.setdefault(name, Dim(name, int(name)))
        return self.letters.setdefault(name, Dim(name))

    def unify(self, a: Dim, b: Dim, why: str):
        a, b = a.find(), b.find()
        if a is b:
            return
        if a.factors or b.factors:
            self._unify_product(a, b, why)
            return
        if a.name and b.name and not (a.name.isdigit() and b.name.isdigit() and a.size == b.size):
            if a.size is None or b.size is None or a.size != b.size:
                raise ShapeError(f"{why}: dimension {a.label()} would have to equal {b.label()}")
        if a.name is None:
            a, b = b, a
        # A class stays "anonymous" only while every member is an I or a \mathbf{1}.
        a.anon = a.anon if (a.anon and b.anon) else None
        b.parent = a

    def product(self, a: Dim, b: Dim) -> Dim:
        if self.is_one(a):
            return b
        if self.is_one(b):
            return a
        return Dim(factors=[a, b])

    def _flat(self, d: Dim) -> list:
        d = d.find()
        if d.factors:
            return [x for f in d.factors for x in self._flat(f)]
        return [] if d is self.one.find() else [d]

    def _unify_product(self, a: Dim, b: Dim, why: str):
        fa, fb = self._flat(a), self._flat(b)
        free_a = a.name is None and a.size is None and not a.factors
        free_b = b.name is None and b.size is None and not b.factors
        if free_a or free_b:
            (a if free_a else b).parent = b if free_a else a
            return
        rest_a, rest_b = list(fa), list(fb)
        for d in list(rest_a):
            if d in rest_b:
                rest_a.remove(d)
                rest_b.remove(d)
        if not rest_a and not rest_b:
            a.parent = b
            return
        # One unknown factor left on one side (the size of an I inside a Kronecker product): solve it.
        for mine, theirs in ((rest_a, rest_b), (rest_b, rest_a)):
            if len(mine) == 1 and theirs and mine[0].name is None and mine[0].size is None and not mine[0].factors:
                target = theirs[0] if len(theirs) == 1 else Dim(factors=list(theirs))
                root = target.find() if len(theirs) == 1 else target
                root.anon = root.anon if (root.anon and mine[0].anon) else None
                mine[0].parent = root
                return
        raise ShapeError(f"{why}: dimension {a.label()} would have to equal {b.label()}")

    def is_one(self, d: Dim) -> bool:
        return d.find() is self.one.find()

    def scalar(self):
        return (self.one, self.one)

    def is_scalar(self, s) -> bool:
        return self.is_one(s[0]) and self.is_one(s[1])

    def fmt(self, s) -> str:
        if self.is_scalar(s):
            return "a scalar"
        if self.is_one(s[1]):
            return f"a vector of length {s[0].label()}"
        return f"{s[0].label()} x {s[1].label()}"

    # -- shapes of symbols -------------------------------------------------------------------------
    def decl_shape(self, decl: Decl):
        if decl.kind == "scalar":
            return self.scalar()
        if decl.kind == "vector":
            return (self.letter(decl.dims[0]), self.one)
        if decl.kind == "matrix":
            shape = (self.letter(decl.dims[0]), self.letter(decl.dims[1]))
            if "tall" in decl.props:
                self.tall.append(shape)
            return shape
        if decl.kind == "any_matrix":
            shape = (Dim(), Dim())
            if {"symmetric", "spd", "invertible", "posdet", "orthogonal"} & decl.props:
                self.unify(shape[0], shape[1], f"`{decl.key}` is square")
            return shape
        raise CheckError(f"`{decl.key}` is an index, not a value")

    def of_sym(self, key: str):
        if key not in self.sym_shapes:
            if key in self.scope.defs:
                self.sym_shapes[key] = None  # guards against a definition that uses itself
                self.sym_shapes[key] = self.of(self.scope.defs[key])
            else:
                decl = self.scope.decls[key]
                self.sym_shapes[key] = self.decl_shape(decl)
                for dep in decl.deps or ():
                    self.of_sym(dep)  # the arguments need sizes too
        shape = self.sym_shapes[key]
        if shape is None:
            raise CheckError(f"`{key}` is defined in terms of itself")
        return shape

    def index_dim(self, letter: str) -> Dim:
        return self.index_dims.setdefault(letter, Dim())

    # -- the pass ----------------------------------------------------------------------------------
    def of(self, node: Node):
        key = id(node)
        if key in self.memo:
            return self.memo[key][1]
        shape = self._of(node)
        self.memo[key] = (node, shape)  # keep node alive so id() stays unique
        return shape

    def _of(self, node: Node):
        if isinstance(node, Num):
            return self.scalar()
        if isinstance(node, DimSize):
            self.letter(node.letter)
            return self.scalar()
        if isinstance(node, Sym):
            return self.of_sym(node.name)
        if isinstance(node, Identity):
            d = Dim(anon="I")
            return (d, d)
        if isinstance(node, Ones):
            return (Dim(anon="\\mathbf{1}"), self.one)
        if isinstance(node, HOp):
            a, b = self.of(node.left), self.of(node.right)
            if node.op == "kron":
                return (self.product(a[0], b[0]), self.product(a[1], b[1]))
            if self.is_scalar(a):
                return b
            if self.is_scalar(b):
                return a
            why = f"a Hadamard product of {self.fmt(a)} and {self.fmt(b)}"
            self.unify(a[0], b[0], why)
            self.unify(a[1], b[1], why)
            return a
        if isinstance(node, Hessian):
            e, v = self.of(node.expr), self.of(node.var)
            if not self.is_scalar(e):
                raise ShapeError(f"the Hessian of {self.fmt(e)}: only scalars have a Hessian matrix")
            if not self.is_one(v[1]):
                raise ShapeError(f"the Hessian with respect to {self.fmt(v)}: differentiate w.r.t. a vector")
            return (v[0], v[0])
        if isinstance(node, Indexed):
            base = self.of(node.base)
            if len(node.index) == 1:
                if not self.is_one(base[1]):
                    raise ShapeError(f"`{node.base.name}_{node.index[0]}` indexes a matrix with one index")
                self.unify(self.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
            elif len(node.index) == 2:
                self.unify(self.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
                self.unify(self.index_dim(node.index[1]), base[1], f"index {node.index[1]}")
            else:
                raise CheckError("at most two indices")
            return self.scalar()
        if isinstance(node, Delta):
            self.index_dim(node.i), self.index_dim(node.j)
            return self.scalar()
        if isinstance(node, Add):
            shape = None
            for _, term in node.terms:
                s = self.of(term)
                if _is_zero(term) or (isinstance(term, Num) and len(node.terms) > 1):
                    continue  # a number in a sum stands for that number in every entry
                if shape is None:
                    shape = s
                else:
                    self.unify(shape[0], s[0], f"a sum of {self.fmt(shape)} and {self.fmt(s)}")
                    self.unify(shape[1], s[1], f"a sum of {self.fmt(shape)} and {self.fmt(s)}")
            return shape or self.scalar()
        if isinstance(node, Mul):
            acc = self.of(node.factors[0])
            for f in node.factors[1:]:
                s = self.of(f)
                if self.is_scalar(acc):
                    acc = s
                elif self.is_scalar(s):
                    pass
                else:
                    self.unify(acc[1], s[0], f"a product of {self.fmt(acc)} by {self.fmt(s)}")
                    acc = (acc[0], s[1])
            return acc
        if isinstance(node, Div):
            s = self.of(node.den)
            if not self.is_scalar(s):
                self.unify(s[0], self.one, "a fraction's denominator must be a scalar")
                self.unify(s[1], self.one, "a fraction's denominator must be a scalar")
            return self.of(node.num)
        if isinstance(node, T):
            r, c = self.of(node.arg)
            return (c, r)
        if isinstance(node, Inv):
            r, c = self.of(node.arg)
            self.unify(r, c, f"the inverse of {self.fmt((r, c))}")
            return (r, c)
        if isinstance(node, Pow):
            s = self.of(node.arg)
            if self.is_scalar(s):
                return s
            if float(node.k).is_integer() and node.k >= 1:
                self.unify(s[0], s[1], f"a power of {self.fmt(s)}")
                return s
            raise ShapeError(f"power {node.k} of {self.fmt(s)}")
        if isinstance(node, Func):
            s = self.of(node.arg)
            if node.name in ("tr", "det"):
                self.unify(s[0], s[1], f"{node.name} of {self.fmt(s)} (needs a square matrix)")
                return self.scalar()
            if node.name in ("log", "exp", "sqrt", "sigmoid", "tanh"):
                return s
            if node.name == "lse":
                self.unify(s[1], self.one, f"log-sum-exp of {self.fmt(s)} (needs a vector)")
                return self.scalar()
            if node.name == "vec":
                return (self.product(s[0], s[1]), self.one)
            if node.name == "diag":
                if self.is_one(s[1]):
                    return (s[0], s[0])
                self.unify(s[0], s[1], f"diag of {self.fmt(s)} (needs a vector or a square matrix)")
                return (s[0], self.one)
            if node.name == "softmax":
                self.unify(s[1], self.one, f"softmax of {self.fmt(s)} (needs a vector)")
                return s
            if node.name == "norm":
                if not self.is_one(s[1]) and not self.is_one(s[0]):
                    raise ShapeError(f"`\\|.\\|` of {self.fmt(s)}: write `\\|.\\|_F` for the Frobenius norm")
                return self.scalar()
            if node.name in ("fro", "nuclear"):
                return self.scalar()
            if node.name == "norm2":  # the 2-norm of a vector, the spectral norm of a matrix
                return self.scalar()
            raise CheckError(f"function `{node.name}` is not supported yet")
        if isinstance(node, Apply):
            arg = self.of(node.arg)
            decl = self.scope.decls[node.fn.rstrip("'")]
            if decl.kind == "elementwise":
                return arg
            return self.decl_shape(decl)
        if isinstance(node, Deriv):
            e = self.of(node.expr)
            v = self.of(node.var)
            layout = "mixed" if node.style == "nabla" else self.scope.layout
            if self.is_scalar(e):
                return (v[1], v[0]) if layout == "numerator" else v
            if self.is_scalar(v):
                if layout == "denominator" and self.is_one(e[1]):
                    return (e[1], e[0])
                return e
            if self.is_one(e[1]) and self.is_one(v[1]):
                return (v[0], e[0]) if layout == "denominator" else (e[0], v[0])
            if self.is_one(e[0]):
                raise ShapeError(f"the derivative of a row vector ({self.fmt(e)}) is not defined in the "
                                 "site's layout: differentiate the column vector and transpose")
            raise ShapeError(f"the derivative of {self.fmt(e)} with respect to {self.fmt(v)} would be "
                             "a tensor, which the site's layout does not define")
        raise CheckError(f"cannot take the shape of {type(node).__name__}")  # pragma: no cover

    def sizes(self, rng: np.random.Generator) -> dict:
        """Random sizes: 1 for scalars, and distinct sizes for distinct dimensions where possible."""
        roots, seen = [], set()
        dims = list(self.letters.values()) + list(self.index_dims.values())
        for node, shape in self.memo.values():
            if shape:
                dims.extend(shape)
        stack = list(dims)
        while stack:
            root = stack.pop().find()
            if id(root) not in seen and root is not self.one.find():
                seen.add(id(root))
                roots.append(root)
                stack.extend(root.factors or ())
        products = [r for r in roots if r.factors]
        roots = [r for r in roots if not r.factors]
        for r in roots:
            if r.anon and r.size is None and r.name is None:
                raise CheckError(f"the size of `{r.anon}` cannot be inferred from the formula: use it where "
                                 "a declared symbol fixes its size, or use the dimension letter")
        free = [r for r in roots if r.size is None]
        pool = list(range(2, 8)) if len(free) <= 6 else list(range(2, 2 + len(free)))
        for _ in range(100):
            picks = rng.choice(pool, size=len(free), replace=False)
            out = {id(self.one.find()): 1}
            for r in roots:
                out[id(r)] = r.size if r.size is not None else None
            for r, p in zip(free, picks):
                out[id(r)] = int(p)
            for p in products:
                out[id(p)] = self._product_size(p, out)
            if all(out[id(r.find())] > out[id(c.find())] for r, c in self.tall):
                return out
        raise CheckError("cannot choose sizes with more rows than columns for the `tall` matrices")


    def _product_size(self, d: Dim, out: dict) -> int:
        size = 1
        for f in self._flat(d):
            size *= out[id(f.find())]
        return size


def _is_zero(node) -> bool:
    return isinstance(node, Num) and node.value == 0


# ------------------------------------------------------------------------------------------------
# Pass 3: values
# ------------------------------------------------------------------------------------------------
def _well_conditioned(rng, n, symmetric=False, positive=False):
    q1, _ = np.linalg.qr(rng.normal(size=(n, n)))
    s = rng.uniform(1.0, 2.0, size=n)
    if positive:
        return (q1 * s) @ q1.T
    if symmetric:
        return (q1 * (s * rng.choice([-1.0, 1.0], size=n))) @ q1.T
    q2, _ = np.linalg.qr(rng.normal(size=(n, n)))
    s = s * np.where(np.arange(n) == 0, rng.choice([-1.0, 1.0]), 1.0)  # det X of either sign
    return (q1 * s) @ q2


def sample_value(rng, decl: Decl, shape) -> np.ndarray:
    r, c = shape
    props = decl.props
    if "spd" in props:
        return _well_conditioned(rng, r, positive=True)
    if "orthogonal" in props:
        q, _ = np.linalg.qr(rng.normal(size=(r, r)))
        return q
    if "invertible" in props and "symmetric" in props:
        return _well_conditioned(rng, r, symmetric=True)
    if "posdet" in props:
        m = _well_conditioned(rng, r)
        return m if np.linalg.det(m) > 0 else m * np.where(np.arange(r) == 0, -1.0, 1.0)[:, None]
    if "invertible" in props:
        return _well_conditioned(rng, r)
    if "symmetric" in props:
        m = rng.normal(size=(r, r))
        return (m + m.T) / 2
    if "onehot" in props:
        v = np.zeros((r, 1))
        v[rng.integers(r), 0] = 1.0
        return v
    if "probability" in props:
        z = rng.normal(size=(r, 1))
        e = np.exp(z - z.max())
        return e / e.sum()
    if "positive" in props:
        return rng.uniform(0.5, 2.0, size=(r, c))
    return rng.normal(size=(r, c))


class SmoothMap:
    """A random smooth nonlinear map R^d -> R^(r x c): sines, a quadratic and an affine part,
    so that a formula that only holds for linear or quadratic functions is caught."""

    def __init__(self, rng, out_shape, decl: Decl):
        self.rng, self.out_shape, self.decl = rng, out_shape, decl
        self.params = None

    def _init(self, d_in):
        r, c = self.out_shape
        d_out, h, rng = r * c, 4, self.rng
        self.params = (rng.normal(size=(h, d_in)) / np.sqrt(d_in), rng.normal(size=h),
                       rng.normal(size=(d_out, h)) / np.sqrt(h), rng.normal(size=(d_out, d_in)) / np.sqrt(d_in),
                       rng.normal(size=d_in) / np.sqrt(d_in), rng.normal(size=d_out), rng.normal(size=d_out))
        props = self.decl.props
        if {"invertible", "posdet", "spd", "symmetric", "orthogonal"} & props:
            self.base = _well_conditioned(rng, r, symmetric="symmetric" in props, positive="spd" in props)
            if "posdet" in props and np.linalg.det(self.base) < 0:
                self.base[0] *= -1.0

    def __call__(self, v: np.ndarray) -> np.ndarray:
        v = v.reshape(-1)
        if self.params is None:
            self._init(v.size)
        w1, b1, w2, a, q, c0, cq = self.params
        raw = w2 @ np.sin(w1 @ v + b1) + a @ v + cq * 0.5 * (q @ v) ** 2 + c0
        r, c = self.out_shape
        out = raw.reshape(r, c)
        props = self.decl.props
        if {"invertible", "posdet", "spd", "symmetric", "orthogonal"} & props:
            # A small smooth perturbation of a well-conditioned matrix stays invertible (norm < 0.3 < 1).
            pert = 0.3 * np.tanh(out) / r
            if "symmetric" in props or "spd" in props:
                pert = (pert + pert.T) / 2
            out = self.base + pert
        if "positive" in props:
            out = np.exp(0.3 * np.tanh(out))
        if "probability" in props:
            e = np.exp(out - out.max())
            out = e / e.sum()
        return out


class ScalarFunction:
    """A random smooth scalar function t -> a sin(b t + c) + d t^2 + e t, applied entry by entry,
    with its exact derivative (for f'(x))."""

    def __init__(self, rng):
        self.a, self.b, self.c, self.d, self.e = rng.normal(size=5)

    def __call__(self, t):
        return self.a * np.sin(self.b * t + self.c) + self.d * t * t + self.e * t

    def derivative(self, t):
        return self.a * self.b * np.cos(self.b * t + self.c) + 2 * self.d * t + self.e


class Env:
    """Values for one draw: sizes, base samples, functions; overrides for finite differences."""

    def __init__(self, scope: Scope, shapes: Shapes, sizes: dict, rng, overrides=None, base=None,
                 maps=None, indices=None, noise=None):
        self.scope, self.shapes, self.sizes, self.rng = scope, shapes, sizes, rng
        self.overrides = overrides or {}
        self.base = base if base is not None else {}
        self.maps = maps if maps is not None else {}
        self.indices = indices or {}
        self.cache: dict = {}
        # The largest rounding noise any finite difference of this draw can carry (absolute):
        # eps * |values differenced| / step. Shared by every Env derived from this one.
        self.noise = noise if noise is not None else [0.0]

    def with_override(self, key, value) -> "Env":
        ov = dict(self.overrides)
        ov[key] = value
        return Env(self.scope, self.shapes, self.sizes, self.rng, ov, self.base, self.maps, self.indices,
                   self.noise)

    def with_indices(self, indices) -> "Env":
        return Env(self.scope, self.shapes, self.sizes, self.rng, self.overrides, self.base, self.maps, indices,
                   self.noise)

    def size(self, d: Dim) -> int:
        s = self.sizes.get(id(d.find()))
        if s is None:
            raise CheckError(f"dimension {d.label()} has no size")  # pragma: no cover
        return s

    def shape_of(self, shape) -> tuple:
        return (self.size(shape[0]), self.size(shape[1]))

    def symbol(self, key: str) -> np.ndarray:
        if key in self.overrides:
            return self.overrides[key]
        if key in self.cache:
            return self.cache[key]
        if key in self.scope.defs:
            value = self.eval(self.scope.defs[key])
        else:
            decl = self.scope.decls[key]
            shape = self.shape_of(self.shapes.of_sym(key))
            if decl.function:
                fmap = self.maps.get(key)
                if fmap is None:
                    fmap = self.maps[key] = SmoothMap(self.rng, shape, decl)
                args = [self.symbol(d).reshape(-1) for d in decl.deps]
                value = fmap(np.concatenate(args))
            else:
                if key not in self.base:
                    self.base[key] = sample_value(self.rng, decl, shape)
                value = self.base[key]
        self.cache[key] = value
        return value

    def eval(self, node: Node) -> np.ndarray:
        value = self._eval(node)
        return np.asarray(value, dtype=float).reshape(value.shape if np.ndim(value) == 2 else (1, 1))

    def _eval(self, node: Node):
        if isinstance(node, Num):
            return np.array([[float(node.value)]])
        if isinstance(node, DimSize):
            return np.array([[float(self.size(self.shapes.letter(node.letter)))]])
        if isinstance(node, Sym):
            return self.symbol(node.name)
        if isinstance(node, Identity):
            n = self.size(self.shapes.of(node)[0])
            return np.eye(n)
        if isinstance(node, Ones):
            return np.ones((self.size(self.shapes.of(node)[0]), 1))
        if isinstance(node, HOp):
            a, b = self.eval(node.left), self.eval(node.right)
            if node.op == "kron":
                return np.kron(a, b)
            return a * b
        if isinstance(node, Hessian):
            return self.hessian(node)
        if isinstance(node, Indexed):
            base = self.eval(node.base)
            idx = tuple(self.indices[ch] for ch in node.index)
            return np.array([[base[idx[0], 0] if len(idx) == 1 else base[idx]]])
        if isinstance(node, Delta):
            return np.array([[1.0 if self.indices[node.i] == self.indices[node.j] else 0.0]])
        if isinstance(node, Add):
            total = None
            for sign, term in node.terms:
                v = self.eval(term)
                if _is_zero(term):
                    continue
                if total is not None and v.shape != total.shape and not (v.shape == (1, 1) and isinstance(term, Num)) \
                        and not (total.shape == (1, 1)):
                    raise CheckError(f"a sum of {total.shape} and {v.shape}")
                total = sign * v if total is None else total + sign * v
            return total if total is not None else np.zeros(self.shape_of(self.shapes.of(node)))
        if isinstance(node, Mul):
            acc = self.eval(node.factors[0])
            for f in node.factors[1:]:
                v = self.eval(f)
                if acc.shape == (1, 1) or v.shape == (1, 1):
                    acc = acc * v
                else:
                    acc = acc @ v
            return acc
        if isinstance(node, Div):
            return self.eval(node.num) / self.eval(node.den)[0, 0]
        if isinstance(node, T):
            return self.eval(node.arg).T
        if isinstance(node, Inv):
            m = self.eval(node.arg)
            return 1.0 / m if m.shape == (1, 1) else np.linalg.inv(m)
        if isinstance(node, Pow):
            m = self.eval(node.arg)
            if m.shape == (1, 1):
                return m ** node.k
            return np.linalg.matrix_power(m, int(node.k))
        if isinstance(node, Func):
            m = self.eval(node.arg)
            name = node.name
            if name == "tr":
                return np.array([[np.trace(m)]])
            if name == "det":
                return np.array([[np.linalg.det(m)]])
            if name == "log":
                if np.any(m <= 0):
                    raise CheckError("log of a non-positive value: declare the argument positive or a probability")
                return np.log(m)
            if name == "exp":
                return np.exp(m)
            if name == "sqrt":
                if np.any(m < 0):
                    raise CheckError("square root of a negative value: declare the argument positive")
                return np.sqrt(m)
            if name == "sigmoid":
                return 1.0 / (1.0 + np.exp(-m))
            if name == "tanh":
                return np.tanh(m)
            if name == "lse":
                top = m.max()
                return np.array([[top + np.log(np.exp(m - top).sum())]])
            if name == "vec":
                return m.reshape(-1, 1, order="F")
            if name == "diag":
                return np.diag(m[:, 0]) if m.shape[1] == 1 else np.diag(m).reshape(-1, 1)
            if name == "softmax":
                e = np.exp(m - m.max())
                return e / e.sum()
            if name == "norm":
                return np.array([[np.linalg.norm(m)]])
            if name == "fro":
                return np.array([[np.linalg.norm(m, "fro")]])
            if name == "norm2":
                return np.array([[np.linalg.norm(m, 2)]])
            if name == "nuclear":
                return np.array([[np.linalg.norm(m, "nuc")]])
        if isinstance(node, Apply) and self.scope.decls[node.fn.rstrip("'")].kind == "elementwise":
            fn = self.maps.get(node.fn.rstrip("'"))
            if fn is None:
                fn = self.maps[node.fn.rstrip("'")] = ScalarFunction(self.rng)
            arg = self.eval(node.arg)
            return fn.derivative(arg) if node.fn.endswith("'") else fn(arg)
        if isinstance(node, Apply):
            decl = self.scope.decls[node.fn]
            fmap = self.maps.get(node.fn)
            arg = self.eval(node.arg)
            if fmap is None:
                fmap = self.maps[node.fn] = SmoothMap(self.rng, self.shape_of(self.shapes.decl_shape(decl)), decl)
            return fmap(arg)
        if isinstance(node, Deriv):
            return self.derivative(node)
        raise CheckError(f"cannot evaluate {type(node).__name__}")  # pragma: no cover

    def hessian(self, node: Hessian) -> np.ndarray:
        """Second derivatives: the fourth-order central stencil applied along both directions,
        with h = 1e-3 (truncation ~h^4 = 1e-12; rounding ~eps/h^2 = 1e-10, relative to the value),
        and again with 2h: their difference estimates the error actually made, including
        cancellation in the formula as written (log(1 - sigma(z)) for a large z)."""
        fine = self._hessian(node, 1e-3)
        coarse = self._hessian(node, 2e-3)
        self.noise[0] = max(self.noise[0], float(np.max(np.abs(fine - coarse))))
        return fine

    def _hessian(self, node: Hessian, step: float) -> np.ndarray:
        key = node.var.name
        x = self.symbol(key)
        n = x.shape[0]
        out = np.zeros((n, n))
        stencil = ((2, -1 / 12), (1, 8 / 12), (-1, -8 / 12), (-2, 1 / 12))
        cache = {}

        def value(moves):
            if moves not in cache:
                y = x.copy()
                for idx, amount in moves:
                    y[idx, 0] += amount
                cache[moves] = self.with_override(key, y).eval(node.expr)[0, 0]
            return cache[moves]

        for i in range(n):
            for j in range(i, n):
                hi, hj = step * max(1.0, abs(x[i, 0])), step * max(1.0, abs(x[j, 0]))
                total = 0.0
                for a, ca in stencil:
                    for b, cb in stencil:
                        moves = {i: a * hi}
                        moves[j] = moves.get(j, 0.0) + b * hj
                        total += ca * cb * value(tuple(sorted(moves.items())))
                out[i, j] = out[j, i] = total / (hi * hj)
        biggest = max(abs(v) for v in cache.values())
        self.noise[0] = max(self.noise[0], 10 * 2.3e-16 * 2.25 * biggest / (step * step))
        return out

    def derivative(self, node: Deriv) -> np.ndarray:
        var = node.var
        if isinstance(var, Indexed):
            key = var.base.name
            full = self.symbol(key)
            pos = tuple(self.indices[ch] for ch in var.index)
            if len(pos) == 1:
                pos = (pos[0], 0)
            entries = [pos]
            out_shape = None
        else:
            key = var.name
            full = self.symbol(key)
            entries = list(itertools.product(range(full.shape[0]), range(full.shape[1])))
        e0 = self.eval(node.expr)
        # A derivative of something that is itself computed by differences: a fourth-order stencil
        # with a larger step keeps the inner rounding noise from being amplified.
        nested = any(isinstance(n, (Deriv, Hessian)) for n in walk(node.expr))
        stencil = ((2, -1 / 12), (1, 8 / 12), (-1, -8 / 12), (-2, 1 / 12)) if nested else ((1, 0.5), (-1, -0.5))
        step = 1e-3 if nested else 1e-5
        grads = []
        for pos in entries:
            h = step * max(1.0, abs(full[pos]))
            acc, biggest = 0.0, 0.0
            for k, c in stencil:
                moved = full.copy()
                moved[pos] += k * h
                value = self.with_override(key, moved).eval(node.expr)
                biggest = max(biggest, float(np.max(np.abs(value))))
                acc = acc + c * value
            grads.append(acc / h)
            # x10: the rounding of what is differenced is amplified again by what follows (x^T g).
            self.noise[0] = max(self.noise[0], 10 * 2.3e-16 * 2 * biggest / h)
        if isinstance(var, Indexed):
            return grads[0]
        layout = "mixed" if node.style == "nabla" else self.scope.layout
        if e0.shape == (1, 1):
            grad = np.array([g[0, 0] for g in grads]).reshape(full.shape)
            return grad.T if layout == "numerator" else grad
        if full.shape == (1, 1):
            d = grads[0]
            return d.T if layout == "denominator" and d.shape[1] == 1 else d
        if e0.shape[1] == 1 and full.shape[1] == 1:
            jac = np.hstack(grads)  # Jacobian: rows follow y, columns follow x
            return jac.T if layout == "denominator" else jac
        raise ShapeError("a derivative that would be a tensor")  # pragma: no cover (shape pass catches it)


def free_indices(nodes) -> list:
    found = []
    for n in nodes:
        for sub in walk(n):
            letters = sub.index if isinstance(sub, Indexed) else (sub.i, sub.j) if isinstance(sub, Delta) else ()
            for ch in letters:
                if ch not in found:
                    found.append(ch)
    return found
