"""LaTeX -> formula AST, with lark. Parse errors say where (column) and what was expected."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .functions import COMMANDS, WORDS, grammar_terminal
from .multiline import AlignedError, join_lines
from .tree import (
    Add,
    BigOp,
    Delta,
    Deriv,
    Div,
    DOp,
    Entry,
    Formula,
    Func,
    Hessian,
    HOp,
    Identity,
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


class FormulaSyntaxError(ValueError):
    """The formula's TeX is outside the site's notation; the message names the column and the reason."""

    def __init__(self, tex: str, column: int, reason: str):
        self.tex, self.column, self.reason = tex, column, reason
        pointer = " " * max(column - 1, 0) + "^"
        super().__init__(f"cannot parse at column {column}: {reason}\n    {tex}\n    {pointer}")


_GRAMMAR = (Path(__file__).parent / "grammar.lark").read_text().replace("__FNAME__", grammar_terminal())


def _text_arg(token: str) -> str:
    """`\\text{abc}` -> `abc`."""
    return token[token.index("{") + 1:-1]


@v_args(inline=True)
class _ToAst(Transformer):
    def start(self, relation, annotation=None):
        if isinstance(relation, Notation):  # `A, B, C` in prose: a list of expressions
            return Formula((relation,), (), annotation)
        sides, rels = relation
        return Formula(tuple(sides), tuple(rels), annotation)

    def exprlist(self, *exprs):
        return Notation("list", tuple(exprs))

    def tuple(self, *exprs):
        return Notation("tuple", tuple(exprs))

    def relation(self, *items):
        sides = [i for i in items if not isinstance(i, Token)]
        rels = [("\\coloneqq" == str(i) and ":=") or str(i) for i in items if isinstance(i, Token)]
        return sides, rels

    def annotation(self, _space, text):
        return _text_arg(str(text))

    def sum(self, *items):
        terms, sign = [], 1
        for it in items:
            if isinstance(it, Token):
                sign = -1 if str(it) == "-" else 1
            else:
                terms.append((sign, it))
                sign = 1
        if len(terms) == 1 and terms[0][0] == 1:
            return terms[0][1]
        return Add(tuple(terms))

    def hprod(self, *items):
        node = items[0]
        for k in range(1, len(items), 2):
            op = {"\\odot": "hadamard", "\\circ": "hadamard", "\\otimes": "kron"}[str(items[k])]
            node = HOp(op, node, items[k + 1])
        return node

    def hessian(self, *items):
        order = [str(i) for i in items if isinstance(i, Token)]
        if order != ["2"]:
            raise ValueError("only second derivatives (\\nabla^2) are supported")
        return DOp(next(i for i in items if not isinstance(i, Token)), "hessian")

    def deriv2(self, _p1, order, expr, _p2, var1, _p3, var2, sup=None):
        if str(order) != "2":
            raise ValueError("only second derivatives are supported")
        if var1 != var2:
            raise ValueError("mixed second derivatives are not supported: use the same variable twice")
        return Hessian(expr, var1)

    def deriv2_squared(self, _p1, order, expr, _p2, var, power):
        if str(order) != "2" or str(power) != "2":
            raise ValueError("only second derivatives are supported")
        return Hessian(expr, var)

    def bars(self, _open, expr, _close):
        return Func("bars", expr)

    def sqrt(self, expr):
        return Func("sqrt", expr)

    def sym_ones(self, _bold, digit):
        if str(digit) == "0":
            return Num(0)   # \mathbf{0}: a zero of whatever shape the formula needs
        if str(digit) != "1":
            raise ValueError(f"`\\mathbf{{{digit}}}` is not a symbol (only \\mathbf{{1}}, the ones vector, "
                             "and \\mathbf{0})")
        return Ones()

    def sym_prime(self, base, _prime):
        return Sym(base.name + "'", base.sub)

    def bigop(self, tok, letter, rel, lo, hi):
        if str(rel) != "=":
            raise ValueError(f"write the range of a sum as `_{{{letter}=...}}^{{...}}`")
        return ("bigop", "sum" if str(tok) == "\\sum" else "prod", str(letter), lo, hi)

    def product(self, *items):
        factors = [i for i in items if not isinstance(i, Token)]
        # A sum or product sign applies to everything after it in the product.
        for k, f in enumerate(factors):
            if isinstance(f, tuple) and f and f[0] == "bigop":
                rest = factors[k + 1:]
                if not rest:
                    raise ValueError("a sum or product sign with nothing after it")
                _, op, index, lo, hi = f
                body = self.product(*rest) if len(rest) > 1 else rest[0]
                factors = factors[:k] + [BigOp(op, index, lo, hi, body)]
                break
        # An operator (d/dw, nabla_w) applies to everything after it in the product.
        for k, f in enumerate(factors):
            if isinstance(f, DOp):
                rest = factors[k + 1:]
                if not rest:
                    raise ValueError("a derivative operator with nothing after it")
                operand = rest[0] if len(rest) == 1 else Mul(tuple(rest))
                made = Hessian(operand, f.var) if f.style == "hessian" else Deriv(operand, f.var, f.style)
                factors = factors[:k] + [made]
                break
        return factors[0] if len(factors) == 1 else Mul(tuple(factors))

    def dop(self, _p1, _p2, var):
        return DOp(var, "frac")

    def nabla(self, var):
        return DOp(var, "nabla")

    def postfix(self, primary, *sups):
        node = primary
        for kind, value in sups:
            if kind == "T":
                node = T(node)
            elif kind == "invT":
                node = T(Inv(node))
            elif kind == "num":
                node = Inv(node) if value == -1 else Pow(node, value)
            elif kind == "pinv":
                node = Func("pinv", node)
            elif kind == "int":
                node = IntPow(node, value)
            elif kind == "pair":
                node = SingleEntry(node, value)
            else:
                raise ValueError(f"exponent `{value}` is not T, -1, +, a number or an integer expression")
        return node

    def sup(self, value):
        return value

    def sup_letter(self, tok):
        return ("T", None) if str(tok) == "T" else ("int", Sym(str(tok)))

    def sup_bold(self, _bold, letter):
        return self.sup_letter(letter)

    def sup_bold_signed(self, sign, _bold, letter):
        return self.sup_inv_t(sign, letter)

    def sup_pair(self, a, b):
        return ("pair", (str(a), str(b)))   # J^{ij}: a single-entry matrix

    def sup_plus(self, tok):
        if str(tok) != "+":
            raise ValueError("exponent `-` alone: write -1 for the inverse")
        return ("pinv", None)

    def sup_dagger(self, _tok):
        return ("pinv", None)

    def sup_iexpr(self, expr):
        return ("int", expr)

    def sup_group(self, expr):
        return ("int", expr)   # e^{(t A)}: see _exponents_of_e

    def iexpr(self, *items):
        if len(items) == 2 and not isinstance(items[0], Token) or (
                len(items) == 2 and items[0].type in ("NUMBER", "DIGIT")):
            return Mul((Num(int(items[0])), Sym(str(items[1]))))
        terms, sign = [], 1
        for it in items:
            if isinstance(it, Token) and it.type == "SIGN":
                sign = -1 if str(it) == "-" else 1
            else:
                terms.append((sign, it))
                sign = 1
        return Add(tuple(terms))

    def iletter(self, tok):
        return Sym(str(tok))

    def inumber(self, tok):
        return Num(int(tok))

    def iscaled(self, num, letter):
        return Mul((Num(int(num)), Sym(str(letter))))

    def sup_inv_t(self, sign, letter):
        if str(sign) == "-" and str(letter) == "T":
            return ("invT", None)
        return ("int", Add(((-1 if str(sign) == "-" else 1, Sym(str(letter))),)))

    def sup_t(self, _tok):
        return ("T", None)

    def sup_number(self, *toks):
        text = "".join(str(t) for t in toks)
        value = float(text)
        return ("num", int(value) if value.is_integer() else value)

    def number(self, tok):
        value = float(tok)
        return Num(int(value) if value.is_integer() else value)

    def group(self, expr):
        return expr

    def brackets(self, *items):
        parts = [i for i in items if not isinstance(i, (Token, tuple))]
        subs = [i for i in items if isinstance(i, tuple)]
        if len(parts) == 1 and not subs:
            return parts[0]
        return Notation("component list", tuple(parts))

    def frac(self, num, den):
        return Div(num, den)

    def deriv(self, _p1, expr, _p2, var):
        return Deriv(expr, var, "frac")

    def var(self, sym):
        return sym

    def entry(self, expr, sub):
        letters = sub[1]
        if not letters.isalpha() or len(letters) > 2:
            raise ValueError(f"entry `(...)_{{{letters}}}`: index it with one or two index letters, e.g. `_{{ij}}`")
        return Entry(expr, tuple(letters))

    def norm(self, _open, expr, _close, sub=None):
        kind = re.sub(r"\\(mathrm|text|rm|textrm)\{([^{}]*)\}", r"\2", sub[1]) if sub else None
        names = {None: "norm", "2": "norm2", "F": "fro", "*": "nuclear"}
        if kind not in names:
            raise ValueError(f"norm subscript `{kind}` is not supported (use _2, _F or _*)")
        return Func(names[kind], expr)

    def funcall(self, fname, arg):
        name = str(fname)
        key = COMMANDS.get(name) or WORDS[_text_arg(name)]
        return Func(key, arg)

    def delta(self, i, j):
        return Delta(str(i), str(j))

    def reals(self, *items):
        dims = "".join(str(i) for i in items if i is not None).replace(" ", "")
        return Notation("reals", (dims or "1",))

    def dots(self, _tok):
        return Notation("dots")

    def underbrace(self, expr, _label=None):
        return expr

    # --- symbols -------------------------------------------------------------------------------
    def symbol(self, base, sub=None):
        if sub is None:
            return base
        if base.sub is not None:
            raise ValueError(f"symbol `{base.name}` has two subscripts")
        return Sym(base.name, sub[1])

    def sub(self, *toks):
        return ("sub", "".join(str(t) for t in toks if isinstance(t, (Token, str))))

    def subinner(self, *toks):
        text = []
        for t in toks:
            s = str(t)
            text.append("x" if s == "\\times" else "" if s == "," else s)
        return "".join(text)

    def sym_letter(self, tok):
        if str(tok) == "I":
            return Identity()
        return Sym(str(tok))

    def sym_greek(self, tok):
        return Sym(str(tok))

    def sym_deco(self, deco, inner):
        if isinstance(inner, Identity):
            inner = Sym("I")
        return Sym(f"{deco}{{{inner.name}}}", inner.sub)

    def sym_bold(self, _bold, inner):
        # Bold is typography: \mathbf{w} and w are the same symbol, \mathbf{I} and I the identity.
        return inner

    def sym_word(self, _bold, *letters):
        return Sym("".join(str(t) for t in letters))

    def sym_text(self, tok):
        return Sym(_text_arg(str(tok)))


_PARSER = Lark(_GRAMMAR, parser="earley", lexer="basic", ambiguity="resolve", propagate_positions=False)
# The same grammar through LALR(1): ~30x faster. tests/test_matcheck_parse.py checks that both give
# the same tree on every formula of the site; Earley stays the reference and words the errors.
_FAST = Lark(_GRAMMAR, parser="lalr", lexer="contextual")


@lru_cache(maxsize=4096)
def parse(tex: str) -> Formula:
    """Parse one formula (a relation chain or a bare expression; a multi-line `aligned` display
    is read as the one chain it lays out: matcheck.multiline)."""
    tex = _one_line(tex)
    try:
        return _ToAst().transform(_FAST.parse(tex))
    except Exception:
        pass  # fall back to the reference parser, which also explains what is wrong
    return parse_reference(tex)


def parse_reference(tex: str) -> Formula:
    """Parse with the Earley parser (the reference)."""
    tex = _one_line(tex)
    try:
        tree = _PARSER.parse(tex)
    except UnexpectedCharacters as exc:
        rest = tex[exc.pos_in_stream:]
        word = rest[:1]
        if word == "\\":
            word = "\\" + "".join(itertools.takewhile(str.isalpha, rest[1:]))
            raise FormulaSyntaxError(tex, exc.column, f"`{word}` is not in the site's notation "
                                     "(see docs/contributing.md for what the checker reads)") from None
        raise FormulaSyntaxError(tex, exc.column, f"unexpected `{word}`") from None
    except UnexpectedEOF:
        raise FormulaSyntaxError(tex, len(tex) + 1, "the formula ends too early (an unclosed group?)") from None
    except UnexpectedToken as exc:
        col = exc.column if isinstance(exc.column, int) and exc.column > 0 else len(tex) + 1
        tok = exc.token
        what = "the end of the formula" if tok.type == "$END" else f"`{tok}`"
        raise FormulaSyntaxError(tex, col, f"unexpected {what}") from None
    except UnexpectedInput as exc:  # pragma: no cover - other lark failures
        raise FormulaSyntaxError(tex, getattr(exc, "column", 0) or 0, str(exc)) from None
    try:
        return _ToAst().transform(tree)
    except Exception as exc:  # lark wraps transformer errors in VisitError
        cause = getattr(exc, "orig_exc", exc)
        raise FormulaSyntaxError(tex, 1, str(cause)) from None


def _one_line(tex: str) -> str:
    try:
        return _exponents_of_e(join_lines(tex))
    except AlignedError as exc:
        raise FormulaSyntaxError(tex, exc.column, exc.reason) from None


_SIMPLE_EXPONENT = re.compile(r"\s*[-+]?\s*(?:[A-Za-z]|[0-9]+|\\top|\\dagger)\s*")


def _exponents_of_e(tex: str) -> str:
    r"""`e^{t A}`, `e^{A^T A}`, `e^{\operatorname{Tr}(A)}`: the constant e raised to any expression
    (the exponential, of a matrix or a scalar) is read as e^{(...)}, the one exponent form the
    grammar takes a whole expression in. Other bases keep the exponents they had."""
    out, i = [], 0
    while True:
        j = tex.find("e^{", i)
        if j < 0:
            return "".join(out) + tex[i:]
        if j > 0 and (tex[j - 1].isalpha() or tex[j - 1] == "\\"):
            out.append(tex[i:j + 3])
            i = j + 3
            continue
        depth, k = 1, j + 3
        while k < len(tex) and depth:
            depth += {"{": 1, "}": -1}.get(tex[k], 0)
            k += 1
        inner = tex[j + 3:k - 1]
        if depth or _SIMPLE_EXPONENT.fullmatch(inner) or inner.strip().startswith("("):
            out.append(tex[i:k])
        else:
            out.append(tex[i:j] + "e^{(" + inner + ")}")
        i = k


def parse_symbol(tex: str) -> Node:
    """Parse a symbol name as written in a declaration (`\\mathbf{S_0}`, `\\hat{y}`)."""
    formula = parse(tex)
    if len(formula.sides) != 1 or not isinstance(formula.sides[0], (Sym, Identity)):
        raise FormulaSyntaxError(tex, 1, "expected a single symbol")
    node = formula.sides[0]
    return Sym("I") if isinstance(node, Identity) else node
