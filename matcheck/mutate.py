"""Mutation testing: wrong variants of every verified formula, each of which the checker must reject.

Mutants come from one walker over the tree's operands (tree.paths), so every node of every side is
reached: inside Hadamard and Kronecker products, Hessians, vec, diag, function arguments and sums.
Each node type has its own operators (one table, OPERATORS); every node that is not a number also
gets "scale by 2", so no side is left without a mutant.

A mutant is set aside as equivalent only by one of two stated rules, and the rule is recorded:
  - property: a declared property makes it equivalent (the transpose of a symmetric matrix is the
    matrix: properties.py says which operators each property makes equivalent);
  - value: the mutated side keeps its value on fresh draws (x^T A^T x = x^T A x; a product
    reordered under a trace; a transposed scalar; a constant term scaled inside a Hessian).
Every other mutant changes the value of its side, so the checker must reject it; one it accepts
is a survivor, and a survivor is a bug in the checker.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .check import verify_sides
from .errors import NotEvaluable
from .functions import TABLE
from .parse import parse
from .properties import PROPERTIES
from .resolve import Scope, resolve
from .tree import Add, Apply, BigOp, Func, HOp, IntPow, Inv, Mul, Node, Num, Pow, Sym, T, fresh, paths, replace_at

# --- operators, by node type ---------------------------------------------------------------------


def _t(node, parent, scope):
    yield "drop transpose", node.arg


def _sym(node, parent, scope):
    decl = scope.decls.get(node.name)
    if not isinstance(parent, T) and not (decl is not None and decl.kind == "scalar"):
        yield "add transpose", T(node)


def _inv(node, parent, scope):
    yield "drop inverse", node.arg


def _pow(node, parent, scope):
    if node.k != 1:
        yield "change an exponent", Pow(node.arg, node.k + 1)


def _intpow(node, parent, scope):
    yield "change an exponent", IntPow(node.arg, Add(((1, node.exp), (1, Num(1)))))


def _bigop(node, parent, scope):
    yield "change a bound", BigOp(node.op, node.index, node.lo, Add(((1, node.hi), (1, Num(1)))), node.body)


def _add(node, parent, scope):
    for i in range(len(node.terms)):
        terms = list(node.terms)
        terms[i] = (-terms[i][0], terms[i][1])
        yield "flip a sign", Add(tuple(terms))
    if len(node.terms) > 1:
        for i in range(len(node.terms)):
            rest = node.terms[:i] + node.terms[i + 1:]
            yield "drop a term", rest[0][1] if len(rest) == 1 and rest[0][0] > 0 else Add(rest)


def _num(node, parent, scope):
    yield "change a coefficient", Num(node.value + 1)


def _mul(node, parent, scope):
    for i in range(len(node.factors) - 1):
        f = list(node.factors)
        f[i], f[i + 1] = f[i + 1], f[i]
        yield "reorder a product", Mul(tuple(f))


def _hop(node, parent, scope):
    yield "swap the operands", HOp(node.op, node.right, node.left)
    if node.op == "hadamard":
        yield "a sum for the Hadamard product", Add(((1, node.left), (1, node.right)))
    else:
        yield "transpose a Kronecker factor", HOp(node.op, T(node.left), node.right)


def _func(node, parent, scope):
    spec = TABLE.get(node.name)
    if spec and spec.group:
        for other in TABLE.values():
            if other.group == spec.group and other.name != node.name:
                yield f"{node.name} for {other.name}", Func(other.name, node.arg)
    if node.name in ("tr", "det"):
        other = "det" if node.name == "tr" else "tr"
        yield f"{node.name} for {other}", Func(other, node.arg)


def _apply(node, parent, scope):
    decl = scope.decls.get(node.fn.rstrip("'"))
    if decl is not None and decl.kind == "elementwise":
        other = node.fn[:-1] if node.fn.endswith("'") else node.fn + "'"
        yield f"{node.fn} for {other}", Apply(other, node.arg)


OPERATORS = {T: _t, Sym: _sym, Inv: _inv, Pow: _pow, IntPow: _intpow, BigOp: _bigop, Add: _add, Num: _num,
             Mul: _mul, HOp: _hop, Func: _func, Apply: _apply}


def node_mutants(node: Node, parent, scope: Scope):
    """(operator, replacement) for one node: its type's operators, then "scale by 2"."""
    rule = OPERATORS.get(type(node))
    if rule is not None:
        yield from rule(node, parent, scope)
    if not isinstance(node, Num):
        yield "scale by 2", Mul((Num(2), node))


# --- equivalence rules -----------------------------------------------------------------------------
def _property_rule(operator: str, node: Node, scope: Scope):
    target = node.arg if isinstance(node, T) else node
    if operator in ("add transpose", "drop transpose") and isinstance(target, Sym):
        decl = scope.decls.get(target.name)
        for p in sorted(decl.props if decl else ()):
            if "transpose" in PROPERTIES[p].equivalent:
                return f"property: `{target.name}` is {PROPERTIES[p].words}"
    return None


def _value_rule(sides: list, mutated: Node, tex: str, scope: Scope, seed: int):
    """The whole side within its formula, not the piece alone: a piece out of its formula can take
    shapes it never has inside it (a lone 1^T is 1 x 1; the size of an I comes from another side).
    The sides are equal (the formula verified), so the chain `sides = mutated` holds exactly when
    the mutated side keeps the value."""
    same = verify_sides(list(sides) + [fresh(mutated)], tex, scope, seed)
    return "value: the side keeps its value on fresh draws" if same.ok else None


# --- reports -----------------------------------------------------------------------------------------
@dataclass
class MutationReport:
    tex: str
    killed: list = field(default_factory=list)
    equivalent: list = field(default_factory=list)   # "operator (side k): rule"
    survived: list = field(default_factory=list)
    bare_sides: list = field(default_factory=list)   # sides with no mutant (exempt: a bare constant)
    exempt: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.killed) + len(self.equivalent) + len(self.survived)


def evaluable_sides(tex: str, scope: Scope) -> list:
    """The resolved sides of a formula's `=` chain that can be evaluated (notation sides and a
    shape claim after `\\in` are left out)."""
    formula = parse(tex)
    sides = formula.sides
    if "\\in" in formula.rels:
        sides = sides[: formula.rels.index("\\in") + 1]
    out = []
    for s in sides:
        try:
            out.append(resolve(s, scope))
        except NotEvaluable:
            continue
    return out


def mutation_test(tex: str, scope: Scope, seed: int = 0) -> MutationReport:
    sides = evaluable_sides(tex, scope)
    report = MutationReport(tex)
    if len(sides) < 2:
        return report
    for k, side in enumerate(sides):
        made = 0
        for node, parent in paths(side):
            for operator, after in node_mutants(node, parent, scope):
                made += 1
                label = f"{operator} (side {k + 1})"
                mutated = replace_at(side, node, after)
                rule = _property_rule(operator, node, scope) or _value_rule(sides, mutated, tex, scope, seed + 7)
                if rule is not None:
                    report.equivalent.append(f"{label}: {rule}")
                    continue
                new_sides = list(sides)
                new_sides[k] = mutated
                verdict = verify_sides(new_sides, tex, scope, seed)
                (report.killed if not verdict.ok else report.survived).append(label)
        if made == 0:
            (report.exempt if isinstance(side, Num) else report.bare_sides).append(k + 1)
    return report


def summary_line(reports) -> str:
    n = sum(r.total for r in reports)
    k = sum(len(r.killed) for r in reports)
    e = sum(len(r.equivalent) for r in reports)
    s = sum(len(r.survived) for r in reports)
    u = sum(len(r.bare_sides) for r in reports)
    return f"mutation: {n} mutants, {k} killed, {e} equivalent, {s} survived, {u} sides without a mutant"


def mutate_pages(page_reports) -> list:
    """(page, formula result, MutationReport) for every verified formula of the given pages."""
    out = []
    for page in page_reports:
        for result, scope in zip(page.results, page.scopes):
            if result.status == "verified":
                out.append((page.page, result, mutation_test(result.tex, scope, result.seed or 0)))
    return out

