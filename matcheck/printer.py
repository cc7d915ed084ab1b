"""Formula AST -> TeX, for messages and mutation reports (not for the site: the site shows the
author's own TeX)."""
from __future__ import annotations

from .tree import (Add, Apply, Delta, Deriv, Div, Func, Identity, Indexed, Inv, Mul, Node, Notation,
                   Num, Pow, Sym, T)

_FUNCS = {"tr": r"\operatorname{Tr}", "det": r"\det", "log": r"\log", "exp": r"\exp",
          "softmax": r"\operatorname{softmax}"}


def _atomic(node: Node) -> bool:
    return isinstance(node, (Sym, Num, Identity, Indexed, Delta, Func, Apply)) and not (
        isinstance(node, Num) and node.value < 0)


def _wrap(node: Node) -> str:
    text = to_tex(node)
    return text if _atomic(node) or isinstance(node, (T, Inv, Pow)) else f"({text})"


def to_tex(node: Node) -> str:
    if isinstance(node, Sym):
        return node.name
    if isinstance(node, Num):
        return f"{node.value:g}"
    if isinstance(node, Identity):
        return "I"
    if isinstance(node, Indexed):
        return f"{to_tex(node.base)}_{{{''.join(node.index)}}}"
    if isinstance(node, Delta):
        return rf"\delta_{{{node.i}{node.j}}}"
    if isinstance(node, Add):
        out = ""
        for k, (sign, term) in enumerate(node.terms):
            t = to_tex(term) if not isinstance(term, Add) else f"({to_tex(term)})"
            out += ("-" if sign < 0 else ("" if k == 0 else "+")) + (" " if k else "") + t + " "
        return out.strip()
    if isinstance(node, Mul):
        return " ".join(_wrap(f) for f in node.factors)
    if isinstance(node, Div):
        return rf"\frac{{{to_tex(node.num)}}}{{{to_tex(node.den)}}}"
    if isinstance(node, T):
        return f"{_wrap(node.arg)}^T"
    if isinstance(node, Inv):
        return f"{_wrap(node.arg)}^{{-1}}"
    if isinstance(node, Pow):
        return f"{_wrap(node.arg)}^{{{node.k:g}}}"
    if isinstance(node, Func):
        if node.name == "norm":
            return rf"\|{to_tex(node.arg)}\|"
        if node.name == "fro":
            return rf"\|{to_tex(node.arg)}\|_F"
        if node.name == "norm2":
            return rf"\|{to_tex(node.arg)}\|_2"
        if node.name == "nuclear":
            return rf"\|{to_tex(node.arg)}\|_*"
        return f"{_FUNCS.get(node.name, node.name)}({to_tex(node.arg)})"
    if isinstance(node, Apply):
        return f"{node.fn}({to_tex(node.arg)})"
    if isinstance(node, Deriv):
        if node.style == "nabla":
            return rf"\nabla_{{{to_tex(node.var)}}} {_wrap(node.expr)}"
        return rf"\frac{{\partial {_wrap(node.expr)}}}{{\partial {to_tex(node.var)}}}"
    if isinstance(node, Notation):
        return node.what
    return repr(node)
