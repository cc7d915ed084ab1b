"""Wrong variants of a verified formula, to show the checker rejects them (mutation testing).

Operators: drop or add a transpose, drop an inverse, flip a sign, change a coefficient, reorder a
product, swap two symbols of the same kind. A mutant that does not change the value of the piece it
mutates (a transpose of a symmetric matrix or a scalar; a product reordered where the factors
commute) is equivalent by construction and is set aside, as is a two-factor product reordered
directly inside a trace (the cyclic property). Every other mutant must be rejected.
"""
from __future__ import annotations

from dataclasses import dataclass

from .check import verify_sides
from .evaluate import CheckError, Scope, resolve
from .parse import parse
from .tree import Add, Deriv, Div, Func, Inv, Mul, Node, Num, Pow, Sym, T


@dataclass
class Mutant:
    operator: str
    side: int
    sides: list          # the mutated formula's resolved sides
    before: Node         # the piece that was mutated
    after: Node


def _replace(node: Node, target: Node, new: Node) -> Node:
    """Replace the one occurrence `target` (by identity) inside `node`."""
    if node is target:
        return new
    if isinstance(node, T):
        return T(_replace(node.arg, target, new))
    if isinstance(node, Inv):
        return Inv(_replace(node.arg, target, new))
    if isinstance(node, Pow):
        return Pow(_replace(node.arg, target, new), node.k)
    if isinstance(node, Func):
        return Func(node.name, _replace(node.arg, target, new))
    if isinstance(node, Add):
        return Add(tuple((s, _replace(t, target, new)) for s, t in node.terms))
    if isinstance(node, Mul):
        return Mul(tuple(_replace(f, target, new) for f in node.factors))
    if isinstance(node, Div):
        return Div(_replace(node.num, target, new), _replace(node.den, target, new))
    if isinstance(node, Deriv):
        return Deriv(_replace(node.expr, target, new), node.var, node.style)
    return node


def _nodes(node: Node, parent=None):
    """(node, parent) pairs, not descending into a derivative's variable."""
    yield node, parent
    kids = ()
    if isinstance(node, (T, Inv, Pow, Func)):
        kids = (node.arg,)
    elif isinstance(node, Add):
        kids = tuple(t for _, t in node.terms)
    elif isinstance(node, Mul):
        kids = node.factors
    elif isinstance(node, Div):
        kids = (node.num, node.den)
    elif isinstance(node, Deriv):
        kids = (node.expr,)
    for k in kids:
        yield from _nodes(k, node)


def _symbols(node: Node) -> list:
    return [n for n, _ in _nodes(node) if isinstance(n, Sym)]


def mutants(sides: list, scope: Scope):
    """Yield (operator, side index, piece before, piece after, under_trace_pair)."""
    for k, side in enumerate(sides):
        for node, parent in _nodes(side):
            if isinstance(node, T):
                yield "drop transpose", k, node, node.arg, False
            if isinstance(node, Sym) and not isinstance(parent, T):
                yield "add transpose", k, node, T(node), False
            if isinstance(node, Inv):
                yield "drop inverse", k, node, node.arg, False
            if isinstance(node, Add):
                for i in range(len(node.terms)):
                    terms = list(node.terms)
                    terms[i] = (-terms[i][0], terms[i][1])
                    yield "flip a sign", k, node, Add(tuple(terms)), False
            if isinstance(node, Num):
                yield "change a coefficient", k, node, Num(node.value + 1), False
            if isinstance(node, Mul):
                for i in range(len(node.factors) - 1):
                    f = list(node.factors)
                    f[i], f[i + 1] = f[i + 1], f[i]
                    cyclic = isinstance(parent, Func) and parent.name == "tr" and len(f) == 2
                    yield "reorder a product", k, node, Mul(tuple(f)), cyclic
        if isinstance(side, (Add, Mul, Deriv, Sym, T, Func)) and not (isinstance(side, Num)):
            yield "flip a sign", k, side, Add(((-1, side),)), False
        names = []
        for s in _symbols(side):
            if s.name not in names and s.name in scope.decls and not scope.decls[s.name].function:
                names.append(s.name)
        for a_i, a in enumerate(names):
            for b in names[a_i + 1:]:
                da, db = scope.decls[a], scope.decls[b]
                if (da.kind, da.dims) == (db.kind, db.dims) and da.kind != "scalar":
                    yield f"swap {a} and {b}", k, side, _swap(side, a, b), False


def _swap(node: Node, a: str, b: str) -> Node:
    for s in [n for n, _ in _nodes(node) if isinstance(n, Sym) and n.name in (a, b)]:
        node = _replace(node, s, Sym(b if s.name == a else a))
    return node


def _ancestors(root: Node, target: Node) -> list:
    """The chain of nodes from `target` up to `root` (inclusive), innermost first."""
    path = []

    def visit(node):
        if node is target:
            path.append(node)
            return True
        for child, parent in _nodes(node):
            if parent is node and visit(child):
                path.append(node)
                return True
        return False

    visit(root)
    return path


def _kept_value(side: Node, before: Node, after: Node, tex: str, scope: Scope, seed: int):
    from .printer import to_tex
    for piece in _ancestors(side, before):
        mutated = _replace(piece, before, after)
        try:
            same = verify_sides([piece, mutated], tex, scope, seed, draws=3)
        except CheckError:
            continue
        if same.ok:
            return ("the mutated piece keeps its value" if piece is before
                    else f"`{to_tex(piece)}` keeps its value")
    return None


@dataclass
class MutationReport:
    tex: str
    killed: list
    equivalent: list
    survived: list


def mutation_test(tex: str, scope: Scope, seed: int = 0) -> MutationReport:
    formula = parse(tex)
    sides = [resolve(s, scope) for s in formula.sides]
    report = MutationReport(tex, [], [], [])
    for operator, k, before, after, cyclic in mutants(sides, scope):
        label = f"{operator} (side {k + 1})"
        if cyclic:
            report.equivalent.append(label + ": cyclic under the trace")
            continue
        # Equivalent when the mutated piece, or a larger piece around it, keeps its value on fresh
        # draws (a transpose of a symmetric matrix or of a scalar; x^T A^T x = x^T A x).
        kept = _kept_value(sides[k], before, after, tex, scope, seed + 7)
        if kept is not None:
            report.equivalent.append(f"{label}: {kept}")
            continue
        new_sides = list(sides)
        new_sides[k] = _replace(sides[k], before, after)
        verdict = verify_sides(new_sides, tex, scope, seed)
        (report.killed if not verdict.ok else report.survived).append(label)
    return report
