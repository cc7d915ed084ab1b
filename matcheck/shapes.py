"""Pass 2: shapes. Union-find over dimensions, so "matrices of appropriate dimensions" get
consistent sizes; one shape rule per node type (functools.singledispatch), functions' rules from
the function table."""
from __future__ import annotations

from functools import singledispatch

import numpy as np

from .declare import Decl
from .errors import CheckError, ShapeError
from .functions import TABLE
from .properties import square_props
from .resolve import Scope
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
)


class Dim:
    """A dimension in a union-find: named (declared letter), fixed (1 or a number), free, or the
    product of other dimensions (the rows of a Kronecker product, the length of vec X)."""
    __slots__ = ("parent", "name", "size", "factors", "anon")

    def __init__(self, name=None, size=None, factors=None, anon=None):
        # anon: the size of an I or a \mathbf{1}, which nothing but the formula can fix
        self.parent, self.name, self.size, self.factors, self.anon = self, name, size, factors, anon

    def find(self) -> Dim:
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
        if decl.kind in ("scalar", "integer"):
            return self.scalar()
        if decl.kind in ("eigenvalues", "eigenvectors"):
            of = self.scope.decls.get(decl.dims[0])
            if of is None or not ({"symmetric", "spd"} & of.props):
                raise CheckError(f"`{decl.key}`: the eigen-decomposition needs `{decl.dims[0]}` declared "
                                 "symmetric (or spd)")
            rows = self.of_sym(decl.dims[0])[0]
            return (rows, self.one) if decl.kind == "eigenvalues" else (rows, rows)
        if decl.kind == "vector":
            return (self.letter(decl.dims[0]), self.one)
        if decl.kind == "matrix":
            shape = (self.letter(decl.dims[0]), self.letter(decl.dims[1]))
            if "tall" in decl.props:
                self.tall.append(shape)
            return shape
        if decl.kind == "any_matrix":
            shape = (Dim(), Dim())
            if square_props() & decl.props:
                self.unify(shape[0], shape[1], f"`{decl.key}` is square")
            return shape
        raise CheckError(f"`{decl.key}` is an index, not a value")

    def of_sym(self, key: str):
        if key not in self.sym_shapes:
            if key in self.scope.defs:
                self.sym_shapes[key] = None  # guards against a definition that uses itself
                self.sym_shapes[key] = self.of(self.scope.defs[key])
            elif key not in self.scope.decls:
                raise CheckError(f"symbol `{key}` is not declared: add it to the page's `/// where` block")
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
        return shape_of(node, self)

    def sizes(self, rng: np.random.Generator, largest: int = 7) -> dict:
        """Random sizes: 1 for scalars, and distinct sizes (2 to `largest`) for distinct dimensions
        where possible."""
        roots, seen = [], set()
        dims = list(self.letters.values()) + list(self.index_dims.values())
        for _node, shape in self.memo.values():
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
        pool = list(range(2, largest + 1)) if len(free) <= largest - 1 else list(range(2, 2 + len(free)))
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
# One shape rule per node type
# ------------------------------------------------------------------------------------------------
@singledispatch
def shape_of(node: Node, sh: Shapes):
    raise CheckError(f"cannot take the shape of {type(node).__name__}")


@shape_of.register
def _(node: Num, sh: Shapes):
    return sh.scalar()


@shape_of.register
def _(node: DimSize, sh: Shapes):
    sh.letter(node.letter)
    return sh.scalar()


@shape_of.register
def _(node: Sym, sh: Shapes):
    return sh.of_sym(node.name)


@shape_of.register
def _(node: Identity, sh: Shapes):
    d = Dim(anon="I")
    return (d, d)


@shape_of.register
def _(node: Ones, sh: Shapes):
    return (Dim(anon="\\mathbf{1}"), sh.one)


@shape_of.register
def _(node: HOp, sh: Shapes):
    a, b = sh.of(node.left), sh.of(node.right)
    if node.op == "kron":
        return (sh.product(a[0], b[0]), sh.product(a[1], b[1]))
    if sh.is_scalar(a):
        return b
    if sh.is_scalar(b):
        return a
    why = f"a Hadamard product of {sh.fmt(a)} and {sh.fmt(b)}"
    sh.unify(a[0], b[0], why)
    sh.unify(a[1], b[1], why)
    return a


@shape_of.register
def _(node: Hessian, sh: Shapes):
    e, v = sh.of(node.expr), sh.of(node.var)
    if sh.is_scalar(v):
        return e   # along a scalar, d^2 F / dt^2 has F's shape, whatever F is
    if not sh.is_scalar(e):
        raise ShapeError(f"the Hessian of {sh.fmt(e)}: only scalars have a Hessian matrix")
    if not sh.is_one(v[1]):
        raise ShapeError(f"the Hessian with respect to {sh.fmt(v)}: differentiate w.r.t. a vector")
    return (v[0], v[0])


@shape_of.register
def _(node: Indexed, sh: Shapes):
    base = sh.of(node.base)
    decl = sh.scope.decls.get(node.base.name)
    if len(node.index) == 1 and decl is not None and decl.kind == "eigenvectors":
        sh.unify(sh.index_dim(node.index[0]), base[1], f"index {node.index[0]}")
        return (base[0], sh.one)   # v_i: the i-th eigenvector, a column
    if len(node.index) == 1:
        if not sh.is_one(base[1]):
            raise ShapeError(f"`{node.base.name}_{node.index[0]}` indexes a matrix with one index")
        sh.unify(sh.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
    elif len(node.index) == 2:
        sh.unify(sh.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
        sh.unify(sh.index_dim(node.index[1]), base[1], f"index {node.index[1]}")
    else:
        raise CheckError("at most two indices")
    return sh.scalar()


@shape_of.register
def _(node: SingleEntry, sh: Shapes):
    base = sh.of(node.base)
    sh.unify(sh.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
    sh.unify(sh.index_dim(node.index[1]), base[1], f"index {node.index[1]}")
    return base


@shape_of.register
def _(node: Entry, sh: Shapes):
    base = sh.of(node.expr)
    if len(node.index) == 1:
        if not sh.is_one(base[1]):
            raise ShapeError(f"an entry `(...)_{node.index[0]}` of a matrix ({sh.fmt(base)}) needs two indices")
        sh.unify(sh.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
    else:
        sh.unify(sh.index_dim(node.index[0]), base[0], f"index {node.index[0]}")
        sh.unify(sh.index_dim(node.index[1]), base[1], f"index {node.index[1]}")
    return sh.scalar()


@shape_of.register
def _(node: Delta, sh: Shapes):
    sh.index_dim(node.i), sh.index_dim(node.j)
    return sh.scalar()


@shape_of.register
def _(node: Add, sh: Shapes):
    shape = None
    for _, term in node.terms:
        s = sh.of(term)
        if _is_zero(term) or (isinstance(term, Num) and len(node.terms) > 1):
            continue  # a number in a sum stands for that number in every entry
        if shape is None:
            shape = s
        else:
            sh.unify(shape[0], s[0], f"a sum of {sh.fmt(shape)} and {sh.fmt(s)}")
            sh.unify(shape[1], s[1], f"a sum of {sh.fmt(shape)} and {sh.fmt(s)}")
    return shape or sh.scalar()


@shape_of.register
def _(node: Mul, sh: Shapes):
    acc = sh.of(node.factors[0])
    for f in node.factors[1:]:
        s = sh.of(f)
        if sh.is_scalar(acc):
            acc = s
        elif sh.is_scalar(s):
            pass
        else:
            sh.unify(acc[1], s[0], f"a product of {sh.fmt(acc)} by {sh.fmt(s)}")
            acc = (acc[0], s[1])
    return acc


@shape_of.register
def _(node: Div, sh: Shapes):
    s = sh.of(node.den)
    if not sh.is_scalar(s):
        sh.unify(s[0], sh.one, "a fraction's denominator must be a scalar")
        sh.unify(s[1], sh.one, "a fraction's denominator must be a scalar")
    return sh.of(node.num)


@shape_of.register
def _(node: T, sh: Shapes):
    r, c = sh.of(node.arg)
    return (c, r)


@shape_of.register
def _(node: Inv, sh: Shapes):
    r, c = sh.of(node.arg)
    sh.unify(r, c, f"the inverse of {sh.fmt((r, c))}")
    return (r, c)


@shape_of.register
def _(node: Pow, sh: Shapes):
    s = sh.of(node.arg)
    if sh.is_scalar(s):
        return s
    if float(node.k).is_integer():   # X^k, X^0 = I, X^{-k} = (X^{-1})^k
        sh.unify(s[0], s[1], f"a power of {sh.fmt(s)}")
        return s
    raise ShapeError(f"power {node.k} of {sh.fmt(s)}")


@shape_of.register
def _(node: Bound, sh: Shapes):
    return sh.scalar()


@shape_of.register
def _(node: BigOp, sh: Shapes):
    for bound in (node.lo, node.hi):
        if not sh.is_scalar(sh.of(bound)):
            raise ShapeError("the bounds of a sum or product are integers")
    s = sh.of(node.body)
    if node.op == "prod" and not sh.is_scalar(s):
        sh.unify(s[0], s[1], f"a product of terms that are {sh.fmt(s)}")
    return s


@shape_of.register
def _(node: IntPow, sh: Shapes):
    e = sh.of(node.exp)
    if not sh.is_scalar(e):
        raise ShapeError(f"an exponent that is {sh.fmt(e)}: exponents are integers")
    s = sh.of(node.arg)
    if not sh.is_scalar(s):
        sh.unify(s[0], s[1], f"a power of {sh.fmt(s)}")
    return s


@shape_of.register
def _(node: Func, sh: Shapes):
    fn = TABLE.get(node.name)
    if fn is None:
        raise CheckError(f"function `{node.name}` is not supported yet")
    return fn.shape(sh, sh.of(node.arg))


@shape_of.register
def _(node: Apply, sh: Shapes):
    arg = sh.of(node.arg)
    decl = sh.scope.decls[node.fn.rstrip("'")]
    if decl.kind == "elementwise":
        return arg
    return sh.decl_shape(decl)


@shape_of.register
def _(node: Deriv, sh: Shapes):
    e, v = sh.of(node.expr), sh.of(node.var)
    layout = "mixed" if node.style == "nabla" else sh.scope.layout
    if sh.is_scalar(e):
        return (v[1], v[0]) if layout == "numerator" else v
    if sh.is_scalar(v):
        if layout == "denominator" and sh.is_one(e[1]):
            return (e[1], e[0])
        return e
    if sh.is_one(e[1]) and sh.is_one(v[1]):
        return (v[0], e[0]) if layout == "denominator" else (e[0], v[0])
    if sh.is_one(e[0]):
        raise ShapeError(f"the derivative of a row vector ({sh.fmt(e)}) is not defined in the "
                         "site's layout: differentiate the column vector and transpose")
    raise ShapeError(f"the derivative of {sh.fmt(e)} with respect to {sh.fmt(v)} would be "
                     "a tensor, which the site's layout does not define")
