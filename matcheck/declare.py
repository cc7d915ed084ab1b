"""Symbol declarations: the page's "where" box and the CLI's --where, one grammar for both.

    x, a: n                      column vectors of length n
    A: m x n                     a matrix
    S_0: n x n spd               properties: symmetric spd invertible orthogonal onehot probability positive
    c: scalar
    B, C: matrix                 a matrix of appropriate dimensions (the checker infers them)
    u, v: scalar function of x   a random smooth function of x
    F: n x n function of x, invertible
    f: scalar function           applied on the page as f(u)
    i, j: index                  index notation: \\hat{y}_i, \\delta_{ij}
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from lark import Lark, Transformer, v_args
from lark.exceptions import UnexpectedInput

from .parse import FormulaSyntaxError, parse_symbol
from .properties import PROPERTIES as _PROPERTY_TABLE
from .properties import square_props

PROPERTIES = tuple(_PROPERTY_TABLE)

_GRAMMAR = r"""
decls: _SEP* decl (_SEP+ decl)* _SEP*
decl: names ":" spec
names: NAME ("," NAME)*
spec: shape (","? PROP)* (","? func)? (","? PROP)*
shape: "scalar" -> scalar
     | DIM -> vector
     | DIM "x" DIM -> matrix
     | "matrix" -> any_matrix
     | "index" -> index
     | "integer" -> integer
     | "eigenvalues" "of" NAME -> eigenvalues
     | "eigenvectors" "of" NAME -> eigenvectors
     | "elementwise" -> elementwise
     | LAYOUT -> layout
LAYOUT: "numerator layout" | "denominator layout" | "mixed layout"
func: "function" ("of" names)?
PROP: __PROPERTIES__
DIM: /[a-zA-Z]|[1-9][0-9]*/
NAME: /[^\s,:;]+/
_SEP: "," | ";" | /\n/
%ignore /[ \t]+/
"""


LAYOUT_TEXT = {
    "numerator": "Derivatives in **numerator layout**: the derivative of a scalar has the "
                 "transposed shape of the variable (a row for a column $x$); the Jacobian of $y$ "
                 "with respect to $x$ has a row per entry of $y$",
    "denominator": "Derivatives in **denominator layout**: the derivative of a scalar has the shape "
                   "of the variable; the derivative of $y$ with respect to $x$ has a row per entry of $x$",
    "mixed": "Derivatives in the site's **mixed layout**: the gradient of a scalar has the shape of "
             "the variable; the Jacobian of $y$ with respect to $x$ has a row per entry of $y$",
}


class DeclarationError(ValueError):
    pass


@dataclass(frozen=True)
class Decl:
    key: str                      # canonical symbol key, as the formula parser spells it
    tex: str                      # as written
    kind: str                     # "scalar" | "vector" | "matrix" | "any_matrix" | "index"
    dims: tuple = ()              # dimension letters (or digits)
    props: frozenset = field(default_factory=frozenset)
    function: bool = False        # a function: of `deps`, or (deps None) applied as f(u)
    deps: Optional[tuple] = None  # keys of the arguments for "function of x"

    @property
    def applied(self) -> bool:
        """Declared as `f: scalar function`: used as f(u) on the page."""
        return self.function and self.deps is None


def symbol_key(tex: str) -> str:
    sym = parse_symbol(tex)
    return sym.name if sym.sub is None else f"{sym.name}_{sym.sub}"


@v_args(inline=True)
class _ToDecls(Transformer):
    def decls(self, *decls):
        return [d for group in decls for d in group]

    def names(self, *toks):
        return [str(t) for t in toks]

    def scalar(self):
        return ("scalar", ())

    def vector(self, d):
        return ("vector", (str(d),))

    def matrix(self, r, c):
        return ("matrix", (str(r), str(c)))

    def any_matrix(self):
        return ("any_matrix", ())

    def index(self):
        return ("index", ())

    def integer(self):
        return ("integer", ())

    def eigenvalues(self, name):
        return ("eigenvalues", (str(name),))

    def eigenvectors(self, name):
        return ("eigenvectors", (str(name),))

    def elementwise(self):
        return ("elementwise", ())

    def layout(self, tok):
        return ("layout", (str(tok).split()[0],))

    def func(self, names=None):
        return ("function", names)

    def spec(self, shape, *rest):
        props, func = set(), None
        for r in rest:
            if isinstance(r, tuple):
                func = r
            else:
                props.add(str(r))
        return shape, frozenset(props), func

    def decl(self, names, spec):
        (kind, dims), props, func = spec
        out = []
        if kind == "layout":
            # `derivatives: numerator layout` switches how the formulas after it are read.
            if names != ["derivatives"] or props or func:
                raise DeclarationError("write the layout as `derivatives: numerator layout` "
                                       "(or denominator layout, or mixed layout: the site's own)")
            return [Decl("@layout", "derivatives", "layout", dims)]
        for name in names:
            try:
                key = symbol_key(name)
                deps = None
                if func is not None and func[1] is not None:
                    deps = tuple(symbol_key(n) for n in func[1])
                if kind in ("eigenvalues", "eigenvectors"):
                    # the eigenvalues (ascending) or unit eigenvectors (as columns) of a symmetric
                    # matrix: a function of it
                    if func is not None or props:
                        raise DeclarationError(f"`{name}: {kind} of {dims[0]}` takes no properties")
                    deps, func = (symbol_key(dims[0]),), ("function", [dims[0]])
            except FormulaSyntaxError as exc:
                raise DeclarationError(f"`{name}` is not a symbol: {exc.reason}") from None
            out.append(Decl(key, name, kind, dims, props, func is not None, deps))
        return out


_PARSER = Lark(_GRAMMAR.replace("__PROPERTIES__", " | ".join(f'"{p}"' for p in PROPERTIES)),
               start="decls", parser="earley", lexer="dynamic")


def parse_declarations(text: str) -> list[Decl]:
    """Parse a where-box body or a --where string; raise DeclarationError saying what is wrong.
    A where box is parsed line by line: short inputs keep the Earley parser fast, and the same
    line (`x: n`) on many pages is parsed once."""
    return [d for line in text.strip().splitlines() if line.strip() for d in _parse_declarations(line.strip())]


@lru_cache(maxsize=1024)
def _parse_declarations(text: str) -> tuple:
    try:
        tree = _PARSER.parse(text.strip())
    except UnexpectedInput as exc:
        line = text.strip().splitlines()[exc.line - 1] if getattr(exc, "line", 0) > 0 else text
        raise DeclarationError(
            f"cannot read the declaration `{line.strip()}` at column {exc.column}: expected "
            "`names: shape [properties] [function [of x]]`, e.g. `A: m x n`, `x: n`, `c: scalar`, "
            "`S: n x n spd`, `B: matrix`, `f: scalar function`, `i, j: index`") from None
    try:
        decls = _ToDecls().transform(tree)
    except Exception as exc:
        raise DeclarationError(str(getattr(exc, "orig_exc", exc))) from None
    for d in decls:
        if d.kind == "elementwise" and not d.function:
            raise DeclarationError(f"`{d.tex}`: write `{d.tex}: elementwise function`")
        if d.kind == "index" and (d.props or d.function):
            raise DeclarationError(f"index `{d.tex}` takes no properties")
        if "structured" in d.props and not ({"symmetric", "spd", "diagonal"} & d.props):
            raise DeclarationError(f"`{d.tex}`: structured needs the structure, symmetric or diagonal "
                                   f"(`{d.tex}: n x n symmetric structured`)")
        square = square_props() & d.props
        if square and d.kind not in ("matrix", "any_matrix"):
            raise DeclarationError(f"`{d.tex}`: {', '.join(sorted(square))} needs a square matrix shape `n x n`")
        if square and d.kind == "matrix" and d.dims[0] != d.dims[1]:
            raise DeclarationError(f"`{d.tex}` is declared {d.dims[0]} x {d.dims[1]} but "
                                   f"{', '.join(sorted(square))} needs a square matrix")
        for p in sorted(d.props):
            prop = _PROPERTY_TABLE[p]
            if d.kind not in prop.kinds and not (d.kind == "elementwise"):
                shapes = {"scalar": "`scalar`", "vector": "a vector shape `n`", "matrix": "a matrix shape `m x n`",
                          "any_matrix": "`matrix`"}
                raise DeclarationError(f"`{d.tex}`: {p} needs " + " or ".join(shapes[k] for k in prop.kinds))
    return tuple(decls)


def describe(decl: Decl) -> str:
    """The where-box line a reader sees, as Markdown with inline TeX."""
    name = decl.tex
    if decl.kind == "layout":
        return LAYOUT_TEXT[decl.dims[0]]
    if decl.kind == "index":
        return f"${name}$: an index"
    if decl.kind == "integer":
        return f"${name}$: a positive integer (drawn from 1 to 4)"
    if decl.kind == "eigenvalues":
        return (f"${name}$: the eigenvalues of ${decl.dims[0]}$, ascending (all distinct); "
                f"${name}_i$ is the $i$-th")
    if decl.kind == "eigenvectors":
        return (f"${name}$: unit eigenvectors of ${decl.dims[0]}$ as columns, in the order of its "
                f"eigenvalues; ${name}_i$ is the $i$-th column")
    if decl.kind == "scalar":
        space = r"\mathbb{R}"
    elif decl.kind == "vector":
        space = rf"\mathbb{{R}}^{{{decl.dims[0]}}}"
    elif decl.kind == "matrix":
        space = rf"\mathbb{{R}}^{{{decl.dims[0]} \times {decl.dims[1]}}}"
    else:
        space = None
    props = [_PROPERTY_TABLE[p].words for p in sorted(decl.props)]
    if decl.function and decl.deps is not None:
        args = ", ".join(decl.deps)
        text = f"${name} = {name}({args})" + (f" \\in {space}$" if space else "$")
        text += f", a smooth function of ${args}$"
    elif decl.kind == "elementwise":
        text = f"${name}$: any smooth scalar function, applied entry by entry; ${name}'$ is its derivative"
    elif decl.function:
        out = {"scalar": "a scalar", "vector": "a vector", "matrix": "a matrix"}.get(decl.kind, "a value")
        text = f"${name}$: any smooth function with {out} value"
    elif space:
        text = f"${name} \\in {space}$"
    else:
        text = f"${name}$: a matrix of appropriate dimensions"
    if props:
        text += ", " + ", ".join(props)
    return text


def format_decl(decl: Decl) -> str:
    """The declaration as a where box or --where would write it (parse_declarations reads it back)."""
    if decl.kind == "layout":
        return f"derivatives: {decl.dims[0]} layout"
    shape = {"scalar": "scalar", "vector": " x ".join(decl.dims), "matrix": " x ".join(decl.dims),
             "any_matrix": "matrix", "index": "index", "elementwise": "elementwise",
             "integer": "integer", "eigenvalues": f"eigenvalues of {decl.dims[0] if decl.dims else ''}",
             "eigenvectors": f"eigenvectors of {decl.dims[0] if decl.dims else ''}"}[decl.kind]
    if decl.kind in ("eigenvalues", "eigenvectors"):
        return f"{decl.tex}: {shape}"
    words = [shape] + sorted(decl.props)
    if decl.function:
        words.append("function" + (" of " + ", ".join(decl.deps) if decl.deps else ""))
    return f"{decl.tex}: {' '.join(words)}"
