"""Formula tree -> TeX, for messages, mutation reports and search text (the site itself shows the
author's own TeX). One rule per node type; functions print as the function table says."""
from __future__ import annotations

from functools import singledispatch

from .functions import TABLE
from .tree import (
    Add,
    Apply,
    BigOp,
    Bound,
    Delta,
    Deriv,
    DimSize,
    Div,
    DOp,
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
    Notation,
    Num,
    Ones,
    Pow,
    SingleEntry,
    Sym,
    T,
)


def _atomic(node: Node) -> bool:
    return isinstance(node, (Sym, Num, Identity, Indexed, Delta, Func, Apply, Ones, DimSize)) and not (
        isinstance(node, Num) and node.value < 0)


def _wrap(node: Node) -> str:
    text = to_tex(node)
    return text if _atomic(node) or isinstance(node, (T, Inv, Pow)) else f"({text})"


def to_tex(node: Node) -> str:
    """TeX that parses back to the same tree (tests/test_matcheck_parse.py checks the round trip)."""
    return _tex(node)


@singledispatch
def _tex(node: Node) -> str:
    return repr(node)


@_tex.register
def _(node: Sym) -> str:
    name = node.name
    if len(name.rstrip("'")) > 1 and not name.startswith("\\"):
        name = rf"\text{{{name}}}"   # a word: \text{Exponent terms}, \mathbf{ab}
    return name if node.sub is None else f"{name}_{{{node.sub}}}"


@_tex.register
def _(node: Num) -> str:
    return f"{node.value:g}"


@_tex.register
def _(node: DimSize) -> str:
    return node.letter


@_tex.register
def _(node: Identity) -> str:
    return "I"


@_tex.register
def _(node: Ones) -> str:
    return r"\mathbf{1}"


@_tex.register
def _(node: Indexed) -> str:
    return f"{to_tex(node.base)}_{{{''.join(node.index)}}}"


@_tex.register
def _(node: SingleEntry) -> str:
    return f"{to_tex(node.base)}^{{{''.join(node.index)}}}"


@_tex.register
def _(node: Entry) -> str:
    return f"({to_tex(node.expr)})_{{{''.join(node.index)}}}"


@_tex.register
def _(node: Delta) -> str:
    return rf"\delta_{{{node.i}{node.j}}}"


@_tex.register
def _(node: Add) -> str:
    out = ""
    for k, (sign, term) in enumerate(node.terms):
        t = to_tex(term) if not isinstance(term, Add) else f"({to_tex(term)})"
        out += ("-" if sign < 0 else ("" if k == 0 else "+")) + (" " if k else "") + t + " "
    return out.strip()


@_tex.register
def _(node: Mul) -> str:
    return " ".join(_wrap(f) for f in node.factors)


@_tex.register
def _(node: Div) -> str:
    return rf"\frac{{{to_tex(node.num)}}}{{{to_tex(node.den)}}}"


@_tex.register
def _(node: T) -> str:
    return f"{_wrap(node.arg)}^T"


@_tex.register
def _(node: Inv) -> str:
    return f"{_wrap(node.arg)}^{{-1}}"


@_tex.register
def _(node: Pow) -> str:
    return f"{_wrap(node.arg)}^{{{node.k:g}}}"


@_tex.register
def _(node: BigOp) -> str:
    sign = r"\sum" if node.op == "sum" else r"\prod"
    return rf"{sign}_{{{node.index}={to_tex(node.lo)}}}^{{{to_tex(node.hi)}}} {_wrap(node.body)}"


@_tex.register
def _(node: Bound) -> str:
    return node.name


@_tex.register
def _(node: IntPow) -> str:
    return f"{_wrap(node.arg)}^{{{to_tex(node.exp)}}}"


@_tex.register
def _(node: HOp) -> str:
    op = r"\odot" if node.op == "hadamard" else r"\otimes"
    return f"{_wrap(node.left)} {op} {_wrap(node.right)}"


@_tex.register
def _(node: Func) -> str:
    spec = TABLE.get(node.name)
    return spec.printer.replace("@", to_tex(node.arg)) if spec else f"{node.name}({to_tex(node.arg)})"


@_tex.register
def _(node: Apply) -> str:
    return f"{node.fn}({to_tex(node.arg)})"


@_tex.register
def _(node: Deriv) -> str:
    if node.style == "nabla":
        return rf"\nabla_{{{to_tex(node.var)}}} {_wrap(node.expr)}"
    return rf"\frac{{\partial {_wrap(node.expr)}}}{{\partial {to_tex(node.var)}}}"


@_tex.register
def _(node: Hessian) -> str:
    return rf"\nabla^2_{{{to_tex(node.var)}}} {_wrap(node.expr)}"


@_tex.register
def _(node: DOp) -> str:
    return rf"\nabla_{{{to_tex(node.var)}}}"


@_tex.register
def _(node: Notation) -> str:
    return node.what
