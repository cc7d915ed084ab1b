"""The table of named functions: one entry per function, read by every pass.

Each entry gives how TeX spells it (commands such as `\\log`, and words allowed inside
`\\operatorname{...}`, `\\text{...}` or `\\mathrm{...}`), its shape rule, its implementation over
`algebra` (so it evaluates on arrays, complex arrays and dual numbers alike), how the printer writes
it, the words search indexes it by, and whether a mutation may swap it for another of its group.
Adding a function is one entry here plus its tests; grammar.lark's function names come from here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import algebra as al
from .errors import CheckError


@dataclass(frozen=True)
class Function:
    name: str
    shape: Callable          # (Shapes, arg shape) -> result shape; may unify
    impl: Callable           # (value) -> value, written with algebra's primitives
    printer: str             # TeX with @ for the argument
    commands: tuple = ()     # TeX commands: "\\log"
    words: tuple = ()        # inside \operatorname{...}: "Tr", "tr"
    search: tuple = ()       # plain words a reader types for it
    group: str = ""          # functions a mutation may swap (same shape rule)
    domain: str = ""         # "positive": the argument must be positive (log, sqrt)


def _same(shapes, s):
    return s


def _square_to_scalar(what):
    def rule(shapes, s):
        shapes.unify(s[0], s[1], f"{what} of {shapes.fmt(s)} (needs a square matrix)")
        return shapes.scalar()
    return rule


def _vector(what, result):
    def rule(shapes, s):
        shapes.unify(s[1], shapes.one, f"{what} of {shapes.fmt(s)} (needs a vector)")
        return shapes.scalar() if result == "scalar" else s
    return rule


def _vec_shape(shapes, s):
    return (shapes.product(s[0], s[1]), shapes.one)


def _diag_shape(shapes, s):
    if shapes.is_one(s[1]):
        return (s[0], s[0])
    shapes.unify(s[0], s[1], f"diag of {shapes.fmt(s)} (needs a vector or a square matrix)")
    return (s[0], shapes.one)


def _norm_shape(shapes, s):
    if not shapes.is_one(s[1]) and not shapes.is_one(s[0]):
        from .errors import ShapeError
        raise ShapeError(f"`\\|.\\|` of {shapes.fmt(s)}: write `\\|.\\|_F` for the Frobenius norm")
    return shapes.scalar()


def _transposed(shapes, s):
    return (s[1], s[0])


def _square(what):
    def rule(shapes, s):
        shapes.unify(s[0], s[1], f"{what} of {shapes.fmt(s)} (needs a square matrix)")
        return s
    return rule


def _adj(m):
    # adj(X) = det(X) X^{-1}: every draw of a matrix whose adjugate is taken is invertible.
    return al.mul(al.det(m), al.inv(m))


def _bars_shape(shapes, s):
    if not shapes.is_scalar(s):
        if shapes.is_one(s[1]):
            from .errors import ShapeError
            raise ShapeError(f"`|.|` of {shapes.fmt(s)}: |A| is the determinant of a square matrix; "
                             "write \\|x\\| for a vector's norm")
        shapes.unify(s[0], s[1], f"|A| of {shapes.fmt(s)} (the determinant needs a square matrix)")
    return shapes.scalar()


def _bars(m):
    if al.primal(m).shape == (1, 1):
        return al.mul(m, float(np.sign(al.real_primal(m)[0, 0])))  # |c| away from 0
    return al.det(m)


def _epow(m):
    return al.exp(m) if al.primal(m).shape == (1, 1) else al.expm(m)


def _epow_shape(shapes, s):
    if not shapes.is_scalar(s):
        shapes.unify(s[0], s[1], f"e to the power {shapes.fmt(s)} (the matrix exponential needs a square matrix)")
    return s


def _scalar(shapes, s):
    return shapes.scalar()


def _positive(name):
    def check(m):
        if np.any(al.real_primal(m) <= 0):
            raise CheckError(f"{name} of a non-positive value: declare the argument positive "
                             "(or spd, posdet, a probability)")
    return check


def _log(m):
    _positive("log")(m)
    return al.log(m)


def _sqrt(m):
    if np.any(al.real_primal(m) < 0):
        raise CheckError("square root of a negative value: declare the argument positive")
    return al.sqrt(m)


def _det(m):
    return al.det(m)


def _sigmoid(m):
    return al.div(1.0, al.add(1.0, al.exp(al.neg(m))))


def _softmax(m):
    e = al.exp(al.sub(m, al.shift(m)))
    return al.div(e, al.total(e))


def _lse(m):
    c = al.shift(m)
    return al.add(al.log(al.total(al.exp(al.sub(m, c)))), c)


def _norm(m):
    # sqrt(x^T x), not |x|: no conjugation, so it stays analytic for the complex step and duals.
    return al.sqrt(al.total(al.mul(m, m)))


TABLE: dict[str, Function] = {f.name: f for f in [
    Function("tr", _square_to_scalar("tr"), al.trace, r"\operatorname{Tr}(@)", words=("Tr", "tr"),
             search=("tr", "trace")),
    Function("det", _square_to_scalar("det"), _det, r"\det(@)", commands=("\\det",), words=("det",),
             search=("det", "determinant")),
    Function("log", _same, _log, r"\log(@)", commands=("\\log", "\\ln"), words=("log",),
             search=("log",), group="elementwise", domain="positive"),
    Function("exp", _same, al.exp, r"\exp(@)", commands=("\\exp",), words=("exp",),
             search=("exp",), group="elementwise"),
    Function("sin", _same, al.sin, r"\sin(@)", commands=("\\sin",), words=("sin",), search=("sin", "sine"),
             group="elementwise"),
    Function("cos", _same, al.cos, r"\cos(@)", commands=("\\cos",), words=("cos",), search=("cos", "cosine"),
             group="elementwise"),
    # Matrix functions (power series of a square matrix), named apart from the entrywise ones:
    # e^{X} or expm, sinm, cosm.
    Function("epow", _epow_shape, _epow, r"e^{@}", search=("exp", "matrix exponential", "expm")),
    Function("expm", _square("expm"), al.expm, r"\operatorname{expm}(@)", words=("expm",),
             search=("expm", "matrix exponential"), group="matrix function"),
    Function("sinm", _square("sinm"), lambda m: al.sincosm(m)[0], r"\operatorname{sinm}(@)", words=("sinm",),
             search=("sinm", "matrix sine"), group="matrix function"),
    Function("cosm", _square("cosm"), lambda m: al.sincosm(m)[1], r"\operatorname{cosm}(@)", words=("cosm",),
             search=("cosm", "matrix cosine"), group="matrix function"),
    Function("sqrt", _same, _sqrt, r"\sqrt{@}", search=("sqrt",), domain="positive"),
    Function("sigmoid", _same, _sigmoid, r"\sigma(@)", words=("sigmoid",), search=("sigmoid",),
             group="elementwise"),
    Function("tanh", _same, al.tanh, r"\tanh(@)", commands=("\\tanh",), words=("tanh",),
             search=("tanh",), group="elementwise"),
    Function("lse", _vector("log-sum-exp", "scalar"), _lse, r"\operatorname{logsumexp}(@)",
             words=("logsumexp", "LSE"), search=("logsumexp", "lse")),
    Function("softmax", _vector("softmax", "vector"), _softmax, r"\operatorname{softmax}(@)",
             words=("softmax",), search=("softmax",)),
    Function("vec", _vec_shape, al.vec, r"\operatorname{vec}(@)", words=("vec",), search=("vec",)),
    Function("diag", _diag_shape, al.diag, r"\operatorname{diag}(@)", words=("diag",), search=("diag",)),
    Function("pinv", _transposed, al.pinv, r"(@)^{+}", search=("pseudo-inverse", "pseudoinverse", "pinv"),),
    Function("adj", _square("adj"), _adj, r"\operatorname{adj}(@)", words=("adj",),
             search=("adjugate", "adj", "adjoint")),
    Function("bars", _bars_shape, _bars, r"|@|", search=("det", "determinant", "abs")),
    Function("norm", _norm_shape, _norm, r"\|@\|", search=("norm",), group="norm"),
    Function("fro", _scalar, _norm, r"\|@\|_F", search=("norm", "frobenius"), group="norm"),
    Function("norm2", _scalar, al.norm2, r"\|@\|_2", search=("norm", "spectral"), group="norm"),
    Function("nuclear", _scalar, al.nuclear, r"\|@\|_*", search=("norm", "nuclear"), group="norm"),
]}

# TeX spelling -> name, for the parser.
COMMANDS = {c: f.name for f in TABLE.values() for c in f.commands}
WORDS = {w: f.name for f in TABLE.values() for w in f.words}


def grammar_terminal() -> str:
    """The FNAME terminal of grammar.lark, generated from the table."""
    cmds = " | ".join(f'"\\{c}"' for c in sorted(COMMANDS, key=len, reverse=True))
    words = "|".join(sorted(WORDS, key=len, reverse=True))
    return f'FNAME.3: {cmds}\n     | /\\\\(operatorname|text|mathrm)\\{{({words})\\}}/'
