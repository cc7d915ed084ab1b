"""The formula AST: what a parsed formula means, independent of how it was spelled in TeX."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


class Node:
    """Base class; every node is an immutable dataclass."""


@dataclass(frozen=True)
class Sym(Node):
    name: str            # canonical: bold dropped, decorations and subscripts kept ("\hat{y}", "S_0")
    sub: Optional[str] = None   # a subscript that may turn out to be an index (x_i) — resolved later


@dataclass(frozen=True)
class Num(Node):
    value: float


@dataclass(frozen=True)
class Indexed(Node):
    base: Node           # a Sym
    index: tuple         # index letters, e.g. ("i",) or ("i", "j")


@dataclass(frozen=True)
class Delta(Node):
    i: str
    j: str


@dataclass(frozen=True)
class Add(Node):
    terms: tuple         # ((+1|-1, node), ...)


@dataclass(frozen=True)
class Mul(Node):
    factors: tuple       # juxtaposition, left to right


@dataclass(frozen=True)
class Div(Node):
    num: Node
    den: Node


@dataclass(frozen=True)
class T(Node):           # transpose
    arg: Node


@dataclass(frozen=True)
class Inv(Node):
    arg: Node


@dataclass(frozen=True)
class Pow(Node):
    arg: Node
    k: float


@dataclass(frozen=True)
class Func(Node):
    name: str            # tr, det, log, exp, softmax, norm, fro
    arg: Node


@dataclass(frozen=True)
class Apply(Node):       # f(u): an abstract function declared on the page
    fn: str
    arg: Node


@dataclass(frozen=True)
class Deriv(Node):
    """d expr / d var in the site's layout (gradient: var's shape; Jacobian: m x n)."""
    expr: Node
    var: Node            # Sym or Indexed
    style: str = "frac"  # "frac" or "nabla": how it was written, for printing


@dataclass(frozen=True)
class DOp(Node):
    """An operator waiting for its operand (\\frac{\\partial}{\\partial w}, \\nabla_w) inside a product."""
    var: Node
    style: str


@dataclass(frozen=True)
class Identity(Node):
    pass


@dataclass(frozen=True)
class DimSize(Node):
    """A dimension letter used as a number (`\\frac{1}{n}`): the size drawn for that dimension."""
    letter: str


@dataclass(frozen=True)
class Ones(Node):
    """\\mathbf{1}: the vector of ones (its length is inferred)."""


@dataclass(frozen=True)
class HOp(Node):
    """Elementwise (Hadamard, "odot") or Kronecker ("otimes") product."""
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Hessian(Node):
    expr: Node
    var: Node


@dataclass(frozen=True)
class Notation(Node):
    """Something a reader understands but no evaluator can: component lists, \\dots, \\mathbb{R}^n."""
    what: str
    parts: tuple = field(default=())


@dataclass(frozen=True)
class Formula:
    sides: tuple         # expressions
    rels: tuple          # relation symbols between them: "=", ":=", "\\in"
    annotation: Optional[str] = None

    @property
    def is_definition(self) -> bool:
        return ":=" in self.rels

    @property
    def is_notation(self) -> bool:
        return "\\in" in self.rels


def walk(node):
    """Yield node and all its descendants (pre-order)."""
    yield node
    for child in children(node):
        yield from walk(child)


def children(node):
    if isinstance(node, (T, Inv, Pow, Func, Apply)):
        return (node.arg,)
    if isinstance(node, Add):
        return tuple(t for _, t in node.terms)
    if isinstance(node, Mul):
        return node.factors
    if isinstance(node, Div):
        return (node.num, node.den)
    if isinstance(node, Deriv):
        return (node.expr, node.var)
    if isinstance(node, Hessian):
        return (node.expr, node.var)
    if isinstance(node, HOp):
        return (node.left, node.right)
    if isinstance(node, DOp):
        return (node.var,)
    if isinstance(node, Indexed):
        return (node.base,)
    if isinstance(node, Notation):
        return tuple(p for p in node.parts if isinstance(p, Node))
    return ()
