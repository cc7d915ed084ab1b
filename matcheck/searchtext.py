"""Plain search keys for a parsed formula: the forms readers type into a search box.

Readers type `x^T A x`, `xTAx`, `x'Ax`, `tr(AXB)`, `Tr(A X^{-1} B)`, `||Xw - y||^2`, `A ⊗ B`,
`kron(A, B)`, `d/dX log det X` or `grad_x f`. Each subexpression of a formula is printed in those
plain spellings, walking the parsed tree (matcheck.tree); each spelling is reduced to a *key* by
`search_key` (lower case, letters and digits only, operators spelled as words), so that a typed
formula and the formula on the page meet on the same key however they were spaced or bracketed.
The search box reduces what is typed with the same rule (overrides/assets/javascripts/workers/
matcalc-search.js, `searchKey`); tests/test_searchtext.py keeps the two in step.

No MkDocs here: hooks/search.py puts the keys into the search index.
"""
from __future__ import annotations

import itertools
import re
from typing import Iterable

from .tree import (Add, Apply, Delta, Deriv, DimSize, Div, DOp, Formula, Func, Hessian, HOp, Identity,
                   Indexed, Inv, Mul, Node, Notation, Num, Ones, Pow, Sym, T, children)

MAX_VARIANTS = 4      # spellings kept per subexpression (they multiply up the tree)
MIN_KEY = 3           # shorter keys (`x`, `ab`) match too much to help
MAX_KEY = 32          # longer keys are whole formulas nobody types in one go

# Typed operators spelled as words, applied before everything that is not a letter or digit is
# dropped. The same table is in matcalc-search.js (KEY_WORDS).
KEY_WORDS = (("⊗", "kron"), ("⊙", "odot"), ("∘", "odot"), ("∂", "d"), ("∇", "grad"),
             ("nabla", "grad"), ("ᵀ", "t"), ("⁻¹", "1"), ("²", "2"))

_FUNC_NAMES = {"tr": "tr", "det": "det", "log": "log", "exp": "exp", "softmax": "softmax",
               "diag": "diag", "vec": "vec", "sigmoid": "sigmoid", "tanh": "tanh", "lse": "logsumexp",
               "sqrt": "sqrt"}
_NORMS = {"norm": ("||", "||"), "fro": ("||", "||_F"), "norm2": ("||", "||_2"), "nuclear": ("||", "||_*")}
_DECORATION = re.compile(r"\\(?:hat|tilde|bar|mathbf|boldsymbol|mathrm|operatorname|text)\{([^{}]*)\}")


def search_key(text: str) -> str:
    """The key of a typed or printed formula: `x^T A x` -> `xtax`, `Tr(A X^{-1} B)` -> `trax1b`."""
    text = text.lower()
    for symbol, word in KEY_WORDS:
        text = text.replace(symbol, word)
    return re.sub(r"[\W_]+", "", text)


def _sym(name: str) -> str:
    name = _DECORATION.sub(r"\1", name)
    return name.replace("\\", "").replace("{", "").replace("}", "")


def _cap(forms: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(forms))[:MAX_VARIANTS]


def _combine(parts: list[list[str]], sep: str) -> list[str]:
    if not all(parts):
        return []
    return _cap(sep.join(p) for p in itertools.islice(itertools.product(*parts), MAX_VARIANTS * 4))


def _wrapped(node: Node) -> list[str]:
    forms = spellings(node)
    return [f"({f})" for f in forms] if isinstance(node, (Add, Div)) else forms


def spellings(node: Node) -> list[str]:
    """Plain spellings of a subexpression, as readers type it (at most MAX_VARIANTS)."""
    if isinstance(node, Sym):
        return [_sym(node.name) + (node.sub or "")]
    if isinstance(node, Num):
        return [f"{node.value:g}"]
    if isinstance(node, (Identity, Ones)):
        return ["I" if isinstance(node, Identity) else "1"]
    if isinstance(node, DimSize):
        return [node.letter]
    if isinstance(node, Indexed):
        return [s + "_" + "".join(node.index) for s in spellings(node.base)]
    if isinstance(node, Delta):
        return [f"delta_{node.i}{node.j}"]
    if isinstance(node, Add):
        terms = [[("- " if sign < 0 else "") + f for f in _wrapped(t)] for sign, t in node.terms]
        plain = _combine(terms, " + ")
        # Either order of the terms: `Xw - y` and `y - Xw` are the same residual to a reader.
        ordered = _combine(sorted(terms, key=lambda fs: search_key(fs[0]) if fs else ""), " + ")
        return _cap(plain[:2] + ordered[:2] + plain[2:])
    if isinstance(node, Mul):
        return _combine([_wrapped(f) for f in node.factors], " ")
    if isinstance(node, Div):
        return _combine([_wrapped(node.num), _wrapped(node.den)], "/")
    if isinstance(node, T):
        return _cap([f + suffix for f in _wrapped(node.arg) for suffix in ("^T", "'")])
    if isinstance(node, Inv):
        return _cap([f for a in _wrapped(node.arg) for f in (a + "^-1", f"inv({a})")])
    if isinstance(node, Pow):
        return [f"{a}^{node.k:g}" for a in _wrapped(node.arg)]
    if isinstance(node, Func):
        if node.name in _NORMS:
            left, right = _NORMS[node.name]
            return _cap(f for a in spellings(node.arg) for f in (f"{left}{a}{right}", f"norm({a})"))
        name = _FUNC_NAMES.get(node.name, node.name)
        return [f"{name}({a})" for a in spellings(node.arg)]
    if isinstance(node, Apply):
        return [f"{node.fn}({a})" for a in spellings(node.arg)]
    if isinstance(node, Deriv):
        out = []
        for e, v in itertools.product(_wrapped(node.expr)[:2], spellings(node.var)[:1]):
            out += [f"d{e}/d{v}", f"d/d{v} {e}", f"grad_{v} {e}"]
        return _cap(out)
    if isinstance(node, DOp):
        return [f"d/d{v}" for v in spellings(node.var)]
    if isinstance(node, Hessian):
        return [f"hessian_{v} {e}" for e in _wrapped(node.expr)[:2] for v in spellings(node.var)[:1]]
    if isinstance(node, HOp):
        sign = "⊗" if node.op == "kron" else "⊙"
        out = _combine([_wrapped(node.left), [sign], _wrapped(node.right)], " ")
        if node.op == "kron":
            out += [f"kron({a}, {b})" for a, b in zip(spellings(node.left), spellings(node.right))]
        return _cap(out)
    return []   # Notation and anything a reader would not type


def _subexpressions(node: Node) -> Iterable[Node]:
    yield node
    for child in children(node):
        yield from _subexpressions(child)


def formula_keys(formula: Formula) -> list[str]:
    """Search keys of every subexpression of a formula (each side, each nested term), in order."""
    keys: dict[str, None] = {}
    for side in formula.sides:
        for node in _subexpressions(side):
            if isinstance(node, (Sym, Num, Identity, Ones, DimSize, Notation)):
                continue
            for form in spellings(node):
                key = search_key(form)
                if MIN_KEY <= len(key) <= MAX_KEY and not key.isdigit():
                    keys.setdefault(key)
    return list(keys)
