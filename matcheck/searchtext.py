"""Plain search keys for a parsed formula: the forms readers type into a search box.

Readers type `x^T A x`, `xTAx`, `x'Ax`, `tr(AXB)`, `Tr(A X^{-1} B)`, `||Xw - y||^2`, `A ⊗ B`,
`d/dX log det X` or `grad_x f`. Each subexpression of a formula is printed in one plain spelling
(both orders for a sum of two terms), walking the parsed tree (matcheck.tree), and reduced to keys:

- its *key* (`search_key`): lower case, letters and digits only, operators spelled as words, so
  `x^T A x`, `xTAx` and `x ^T A x` all give `xtax`;
- its *pattern key* (`pattern_key`): the same with the symbols renamed in order of appearance,
  lower case letters a, b, c... and capitals A, B, C... apart, so a reader's `x^T A y` meets the
  page's `a^T X b` (both `atab`) and `||Ax - b||^2` meets `||y - Xw||^2`.

The search box reads a typed formula into the same spelling first (matcalc-search.js,
`canonicalFormula`: `x'` is `x^T`, `inv(X)` is `X^-1`, `d/dX f` and `grad_X f` are `d(f)/dX`,
`kron(A, B)` is `A ⊗ B`, `norm(x)` is `||x||`) and then applies the same two reductions;
tests/test_searchtext.py keeps both sides in step. No MkDocs here: hooks/search.py puts the keys
into the search index.
"""
from __future__ import annotations

import itertools
import re
from typing import Iterable

from .tree import (Add, Apply, Delta, Deriv, DimSize, Div, DOp, Formula, Func, Hessian, HOp, Identity,
                   Indexed, Inv, Mul, Node, Notation, Num, Ones, Pow, Sym, T, children)

MAX_VARIANTS = 2      # spellings kept per subexpression (they multiply up the tree)
MIN_KEY = 3           # shorter keys (`x`, `ab`) match too much to help
MAX_KEY = 24          # longer keys are whole formulas nobody types in one go (and weigh on the index)

# Typed operators spelled as words, applied before everything that is not a letter or digit is
# dropped. The same table is in matcalc-search.js (KEY_WORDS).
KEY_WORDS = (("||", "norm"), ("⊗", "kron"), ("⊙", "odot"), ("∘", "odot"), ("∂", "d"), ("∇", "grad"),
             ("nabla", "grad"), ("ᵀ", "t"), ("⁻¹", "inv"), ("²", "2"))
# `X^{-1}`, `X^-1`, `X⁻¹`: spelled `Xinv`, so that the inverse of one symbol still makes a key.
_INVERSE = re.compile(r"\^\s*\{?\s*-\s*1\s*\}?")

_FUNC_NAMES = {"tr": "tr", "det": "det", "log": "log", "exp": "exp", "softmax": "softmax",
               "diag": "diag", "vec": "vec", "sigmoid": "sigmoid", "tanh": "tanh", "lse": "logsumexp",
               "sqrt": "sqrt"}
_NORMS = {"norm": "||", "fro": "||_F", "norm2": "||_2", "nuclear": "||_*"}
_DECORATION = re.compile(r"\\(?:hat|tilde|bar|mathbf|boldsymbol|mathrm|operatorname|text)\{([^{}]*)\}")
# A symbol inside a spelling: \x01name\x02, so that pattern_key can rename it.
_MARKED = re.compile("\x01([^\x02]*)\x02")


def search_key(text: str) -> str:
    """The key of a typed or printed formula: `x^T A x` -> `xtax`, `Tr(A X^{-1} B)` -> `traxinvb`."""
    text = _INVERSE.sub("inv", _MARKED.sub(r"\1", text)).lower()
    for symbol, word in KEY_WORDS:
        text = text.replace(symbol, word)
    return re.sub(r"[\W_]+", "", text)


def _renamed(symbol: str, names: dict[str, str]) -> str:
    if symbol not in names:
        capital = symbol[:1].isupper()
        count = sum(1 for v in names.values() if v.isupper() == capital)
        names[symbol] = chr((ord("A") if capital else ord("a")) + count % 26)
    return names[symbol]


def pattern_key(spelling: str) -> str:
    """The key of a spelling with its symbols renamed in order of first appearance, capitals
    and lower case letters apart: `a^T X b` and `x^T A y` -> `atab`."""
    names: dict[str, str] = {}
    return search_key(_MARKED.sub(lambda m: _renamed(m.group(1), names), spelling))


def _sym(name: str) -> str:
    name = _DECORATION.sub(r"\1", name)
    base, _, sub = name.partition("_")
    base = base.replace("\\", "").replace("{", "").replace("}", "")
    sub = sub.replace("{", "").replace("}", "")
    return f"\x01{base}\x02" + (f"_{sub}" if sub else "")


def _cap(forms: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(forms))[:MAX_VARIANTS]


def _combine(parts: list[list[str]], sep: str) -> list[str]:
    if not all(parts):
        return []
    return _cap(sep.join(p) for p in itertools.islice(itertools.product(*parts), MAX_VARIANTS * 4))


def _wrapped(node: Node) -> list[str]:
    forms = spellings(node)
    return [f"({f})" for f in forms] if isinstance(node, (Add, Div, HOp)) else forms


def spellings(node: Node) -> list[str]:
    """Plain spellings of a subexpression, symbols marked for pattern_key (at most MAX_VARIANTS)."""
    if isinstance(node, Sym):
        return [_sym(node.name) + (f"_{node.sub}" if node.sub else "")]
    if isinstance(node, Num):
        return [f"{node.value:g}"]
    if isinstance(node, (Identity, Ones)):
        return ["I" if isinstance(node, Identity) else "1"]
    if isinstance(node, DimSize):
        return [f"\x01{node.letter}\x02"]
    if isinstance(node, Indexed):
        return [s + "_" + "".join(node.index) for s in spellings(node.base)]
    if isinstance(node, Delta):
        return [f"delta_{node.i}{node.j}"]
    if isinstance(node, Add):
        terms = [[("- " if sign < 0 else "") + f for f in _wrapped(t)] for sign, t in node.terms]
        plain = _combine(terms, " + ")
        # Either order of the terms: `Xw - y` and `y - Xw` are the same residual to a reader.
        ordered = _combine(sorted(terms, key=lambda fs: search_key(fs[0]) if fs else ""), " + ")
        return _cap(plain[:1] + ordered[:1])
    if isinstance(node, Mul):
        return _combine([_wrapped(f) for f in node.factors], " ")
    if isinstance(node, Div):
        return _combine([_wrapped(node.num), _wrapped(node.den)], "/")
    if isinstance(node, T):
        return [f + "^T" for f in _wrapped(node.arg)]
    if isinstance(node, Inv):
        return [f + "^-1" for f in _wrapped(node.arg)]
    if isinstance(node, Pow):
        return [f"{a}^{node.k:g}" for a in _wrapped(node.arg)]
    if isinstance(node, Func):
        if node.name in _NORMS:
            return [f"||{a}{_NORMS[node.name]}" for a in spellings(node.arg)]
        name = _FUNC_NAMES.get(node.name, node.name)
        return [f"{name}({a})" for a in spellings(node.arg)]
    if isinstance(node, Apply):
        return [f"\x01{node.fn}\x02({a})" for a in spellings(node.arg)]
    if isinstance(node, Deriv):
        return [f"d({e})/d{v}" for e in spellings(node.expr) for v in spellings(node.var)[:1]]
    if isinstance(node, DOp):
        return [f"d/d{v}" for v in spellings(node.var)]
    if isinstance(node, Hessian):
        return [f"hessian_{v} {e}" for e in _wrapped(node.expr) for v in spellings(node.var)[:1]]
    if isinstance(node, HOp):
        sign = "⊗" if node.op == "kron" else "⊙"
        return _combine([_wrapped(node.left), [sign], _wrapped(node.right)], " ")
    return []   # Notation and anything a reader would not type


def _subexpressions(node: Node) -> Iterable[Node]:
    yield node
    for child in children(node):
        yield from _subexpressions(child)


def formula_keys(formula: Formula) -> list[str]:
    """Search keys and pattern keys of every subexpression of a formula, in order."""
    keys: dict[str, None] = {}
    for side in formula.sides:
        for node in _subexpressions(side):
            if isinstance(node, (Sym, Num, Identity, Ones, DimSize, Notation)):
                continue
            for form in spellings(node):
                for key in (search_key(form), pattern_key(form)):
                    if MIN_KEY <= len(key) <= MAX_KEY and not key.isdigit():
                        keys.setdefault(key)
    return list(keys)
