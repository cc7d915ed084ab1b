"""Pass 1: resolve symbols against a page's declarations and definitions.

`S_0` a declared symbol or the component 0 of S? `f(u)` an application or a product? `n` a number
(the size of dimension n)? One rule per node type (functools.singledispatch); a node type without
a rule of its own has its operands resolved and keeps its form.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import singledispatch

from .declare import Decl
from .errors import CheckError, NotEvaluable
from .tree import (
    Apply,
    BigOp,
    Bound,
    Delta,
    Deriv,
    DOp,
    Entry,
    Func,
    Hessian,
    Indexed,
    IntPow,
    Mul,
    Node,
    Notation,
    Num,
    SingleEntry,
    Sym,
    T,
    map_operands,
)

# Constants a formula may use without declaring them.
CONSTANTS = {"\\pi": math.pi, "e": math.e}


@dataclass
class Scope:
    decls: dict                                      # key -> Decl
    defs: dict                                       # key -> resolved Node
    def_tex: dict = field(default_factory=dict)      # key -> the definition's TeX (to reproduce a failure)
    def_args: dict = field(default_factory=dict)     # key -> (x,) for `p(x) := ...`: p(x) is then p

    def copy(self) -> Scope:
        return Scope(dict(self.decls), dict(self.defs), dict(self.def_tex), dict(self.def_args))

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


def resolve(node: Node, scope: Scope) -> Node:
    """Rewrite symbols into their final meaning; raise CheckError on an undeclared symbol."""
    return _resolve(node, scope)


@singledispatch
def _resolve(node: Node, scope: Scope) -> Node:
    return map_operands(node, lambda c: _resolve(c, scope))


@_resolve.register
def _(node: Sym, scope: Scope) -> Node:
    key = key_of(node)
    decl = scope.decls.get(key)
    if decl is not None and decl.kind == "index" and "bound" in decl.props:
        return Bound(key)   # the index of an enclosing sum, as a number
    if _prime_of(node, scope):
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
    if node.sub is None and len(key) > 1 and key.isalpha() and all(ch in scope.decls or ch in scope.defs for ch in key):
        # \mathbf{ABC} with A, B and C each declared (and ABC not): the product A B C.
        return _resolve(Mul(tuple(Sym(ch) for ch in key)), scope)
    if key in CONSTANTS and node.sub is None:
        return Num(CONSTANTS[key])  # \pi and e, unless the page declares a symbol of that name
    if node.sub is None and key in scope.dim_letters():
        from .tree import DimSize
        return DimSize(key)  # `n` in a formula: the size of the dimension n
    raise CheckError(f"symbol `{key}` is not declared: add it to the page's `/// where` block")


@_resolve.register
def _(node: Mul, scope: Scope) -> Node:
    factors, out, k = list(node.factors), [], 0
    r = lambda n: _resolve(n, scope)  # noqa: E731
    while k < len(factors):
        f = factors[k]
        decl = scope.decls.get(key_of(f)) if isinstance(f, Sym) else None
        nxt = factors[k + 1] if k + 1 < len(factors) else None
        transposed = isinstance(nxt, T)
        deps = decl.deps if decl and decl.function else scope.def_args.get(key_of(f)) if isinstance(f, Sym) else None
        if deps and nxt is not None and _names(nxt.arg if transposed else nxt) == list(deps):
            # `y(x)` for a declared function of x, or for `p(x) := ...` defined as one, is just y
            # (and `y(x)^T` is its transpose)
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
            if nxt is None:
                raise CheckError(f"function `{key_of(f)}` is not applied to anything")
            out.append(Apply(key_of(f), r(nxt)))
            k += 2
            continue
        out.append(r(f))
        k += 1
    return out[0] if len(out) == 1 else Mul(tuple(out))


@_resolve.register
def _(node: BigOp, scope: Scope) -> Node:
    inner = scope.copy()
    inner.decls[node.index] = Decl(node.index, node.index, "index", props=frozenset({"bound"}))
    inner.defs.pop(node.index, None)
    return BigOp(node.op, node.index, _resolve(node.lo, scope), _resolve(node.hi, scope),
                 _resolve(node.body, inner))


@_resolve.register
def _(node: IntPow, scope: Scope) -> Node:
    base = _resolve(node.arg, scope)
    if base == Num(math.e):
        return Func("epow", _resolve(node.exp, scope))   # e^{X}: the (matrix) exponential
    return IntPow(base, _resolve(node.exp, scope))


@_resolve.register
def _(node: Hessian, scope: Scope) -> Node:
    var = _resolve(node.var, scope)
    if not isinstance(var, Sym):
        raise CheckError("a Hessian must be taken with respect to a symbol")
    return Hessian(_resolve(node.expr, scope), var)


@_resolve.register
def _(node: Deriv, scope: Scope) -> Node:
    var = _resolve(node.var, scope)
    if not isinstance(var, (Sym, Indexed)):
        raise CheckError("a derivative must be taken with respect to a symbol")
    return Deriv(_resolve(node.expr, scope), var, node.style)


@_resolve.register
def _(node: Delta, scope: Scope) -> Node:
    for ch in (node.i, node.j):
        if ch not in scope.indices():
            raise CheckError(f"`\\delta_{{{node.i}{node.j}}}` needs `{ch}` declared as an index")
    return node


@_resolve.register
def _(node: DOp, scope: Scope) -> Node:
    raise CheckError("a derivative operator with nothing to differentiate")


@_resolve.register
def _(node: Notation, scope: Scope) -> Node:
    raise NotEvaluable({
        "component list": "a component list `[ ... ]` is notation: use it only in a `:=` definition",
        "dots": "`\\dots` is notation: use it only in a `:=` definition",
        "reals": "`\\mathbb{R}` is notation: use it only after `\\in`",
    }.get(node.what, f"{node.what} is notation"))


@_resolve.register
def _(node: SingleEntry, scope: Scope) -> Node:
    key = key_of(node.base) if isinstance(node.base, Sym) else None
    decl = scope.decls.get(key)
    if decl is None or "single-entry" not in decl.props:
        raise CheckError(f"`{key}^{{{''.join(node.index)}}}`: declare `{key}: m x n single-entry` for the "
                         "single-entry matrix, or write the exponent in braces as an integer")
    for ch in node.index:
        if ch not in scope.indices():
            raise CheckError(f"`{key}^{{{''.join(node.index)}}}` needs `{ch}` declared as an index")
    return SingleEntry(Sym(key), node.index)


@_resolve.register
def _(node: Entry, scope: Scope) -> Node:
    for ch in node.index:
        if ch not in scope.indices():
            raise CheckError(f"the entry `(...)_{{{''.join(node.index)}}}` needs `{ch}` declared as an index")
    return Entry(_resolve(node.expr, scope), node.index)


@_resolve.register
def _(node: Indexed, scope: Scope) -> Node:
    return node


@_resolve.register
def _(node: Apply, scope: Scope) -> Node:
    return node


def _prime_of(sym: Sym, scope: Scope) -> bool:
    key = key_of(sym)
    return key.endswith("'") and key[:-1] in scope.decls and scope.decls[key[:-1]].kind == "elementwise"


def _names(node) -> list:
    return [key_of(node)] if isinstance(node, Sym) else [None]


def used_symbols(nodes, scope: Scope) -> tuple[list, list]:
    """The declarations and definitions a resolved formula uses, definitions followed to what
    they use in turn: (declaration keys, definition keys in page order)."""
    from .tree import walk
    decls, defs, stack = [], [], list(nodes)
    while stack:
        for n in walk(stack.pop()):
            key = n.name if isinstance(n, Sym) else n.fn.rstrip("'") if isinstance(n, Apply) else \
                n.base.name if isinstance(n, Indexed) else None
            if key is None:
                continue
            if key in scope.defs and key not in defs:
                defs.append(key)
                stack.append(scope.defs[key])
            elif key in scope.decls and key not in decls:
                decls.append(key)
                stack.extend(Sym(d) for d in scope.decls[key].deps or ())
    if "@layout" in scope.decls:
        decls.append("@layout")
    order = list(scope.defs)
    return decls, sorted(defs, key=order.index)
