"""The formula AST: what a parsed formula means, independent of how it was spelled in TeX."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Optional


class Node:
    """Base class; every node is an immutable dataclass. Its children are the fields that hold a
    Node, a tuple of Nodes, or a tuple of (sign, Node) pairs (Add.terms); `children` and
    `with_children` read them generically, so a new node type needs no walker changes."""


# Field metadata: the variable a derivative binds. It is a child (printers and search text see
# it) but not an operand (evaluation and mutation do not change it).
BINDING = {"binding": True}


@dataclass(frozen=True)
class Sym(Node):
    name: str            # canonical: bold dropped, decorations and subscripts kept ("\hat{y}", "S_0")
    sub: Optional[str] = None   # a subscript that may turn out to be an index (x_i) — resolved later


@dataclass(frozen=True)
class Num(Node):
    value: float


@dataclass(frozen=True)
class Indexed(Node):
    base: Node = field(metadata=BINDING)   # a Sym: the entry, not a value to change
    index: tuple         # index letters, e.g. ("i",) or ("i", "j")


@dataclass(frozen=True)
class Entry(Node):
    """An entry of a matrix expression: (X^{-1})_{kl}; index letters as for Indexed."""
    expr: Node
    index: tuple


@dataclass(frozen=True)
class SingleEntry(Node):
    """J^{ij}: the matrix of J's shape with a 1 at (i, j) and 0 elsewhere (J declared single-entry)."""
    base: Node = field(metadata=BINDING)
    index: tuple = ()


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
class IntPow(Node):
    """arg^k for an integer expression k with letters (X^{k}, X^{k-1}, c^{n}, X^{r} in a sum)."""
    arg: Node
    exp: Node


@dataclass(frozen=True)
class BigOp(Node):
    """\\sum_{index=lo}^{hi} body (op "sum") or \\prod (op "prod", left to right)."""
    op: str
    index: str
    lo: Node
    hi: Node
    body: Node


@dataclass(frozen=True)
class Bound(Node):
    """The index of an enclosing sum or product, used as a number (X^{r}, r x_r)."""
    name: str


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
    var: Node = field(metadata=BINDING)   # Sym or Indexed
    style: str = "frac"  # "frac" or "nabla": how it was written, for printing


@dataclass(frozen=True)
class DOp(Node):
    """An operator waiting for its operand (\\frac{\\partial}{\\partial w}, \\nabla_w) inside a product."""
    var: Node = field(metadata=BINDING)
    style: str = "frac"


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
    var: Node = field(metadata=BINDING)


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


def _slots(node):
    """(field name, kind, binding) for each field of node that holds children."""
    out = []
    for f in fields(node):
        value = getattr(node, f.name)
        if isinstance(value, Node):
            out.append((f.name, "node", bool(f.metadata.get("binding"))))
        elif isinstance(value, tuple) and value and all(isinstance(v, Node) for v in value):
            out.append((f.name, "nodes", False))
        elif isinstance(value, tuple) and value and all(
                isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], Node) for v in value):
            out.append((f.name, "terms", False))
    return out


def children(node: Node, operands_only: bool = False) -> tuple:
    """The node's children, left to right (with operands_only: without bound variables)."""
    if not is_dataclass(node):
        return ()
    out = []
    for name, kind, binding in _slots(node):
        if operands_only and binding:
            continue
        value = getattr(node, name)
        if kind == "node":
            out.append(value)
        elif kind == "nodes":
            out.extend(value)
        else:
            out.extend(t for _, t in value)
    return tuple(out)


def operands(node: Node) -> tuple:
    return children(node, operands_only=True)


def with_children(node: Node, new: tuple, operands_only: bool = False) -> Node:
    """A copy of node whose children (as `children` lists them) are replaced by `new`."""
    new = list(new)
    changes = {}
    for name, kind, binding in _slots(node):
        if operands_only and binding:
            continue
        value = getattr(node, name)
        if kind == "node":
            changes[name] = new.pop(0)
        elif kind == "nodes":
            changes[name] = tuple(new.pop(0) for _ in value)
        else:
            changes[name] = tuple((sign, new.pop(0)) for sign, _ in value)
    if new:
        raise ValueError("with_children: too many children")
    return replace(node, **changes) if changes else node


def fresh(node: Node) -> Node:
    """A copy of the tree with no node object shared with the original: passes that key on node
    identity (shape inference) then see the copy as a formula of its own."""
    kids = children(node)
    if not kids:
        return replace(node) if is_dataclass(node) else node
    return with_children(node, tuple(fresh(k) for k in kids))


def map_operands(node: Node, fn) -> Node:
    return with_children(node, tuple(fn(c) for c in operands(node)), operands_only=True)


def walk(node):
    """Yield node and all its descendants (pre-order)."""
    yield node
    for child in children(node):
        yield from walk(child)


def paths(node, parent=None, operands_only: bool = True):
    """(node, parent) pairs in pre-order over operands: what a mutation may change."""
    yield node, parent
    for child in (operands(node) if operands_only else children(node)):
        yield from paths(child, node, operands_only)


def replace_at(root: Node, target: Node, new: Node) -> Node:
    """root with the one occurrence `target` (by identity) replaced by `new`."""
    if root is target:
        return new
    kids = operands(root)
    if not kids:
        return root
    changed = tuple(replace_at(k, target, new) for k in kids)
    if all(a is b for a, b in zip(kids, changed)):
        return root
    return with_children(root, changed, operands_only=True)
