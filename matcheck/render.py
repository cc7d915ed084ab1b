"""TeX -> MathML at build time with KaTeX (through pykatex, which embeds QuickJS).

MathML output needs no stylesheet, no font files and no script: browsers typeset it natively,
so pages carry their math in the HTML itself and load nothing from another host.
"""
from __future__ import annotations

import re
import unicodedata

import pykatex


class TexError(ValueError):
    """The TeX does not parse (KaTeX's own message, which names the position)."""


# MathML Core (what Chromium implements) ignores mathvariant other than "normal", so \\mathbf{w}
# would show as a plain w and \\mathbb{R} as a plain R. Use the Unicode mathematical letters instead.
_VARIANT = re.compile(r'<mi mathvariant="(bold|double-struck|bold-italic)">([^<]+)</mi>')
_STYLE = {"bold": "BOLD", "double-struck": "DOUBLE-STRUCK", "bold-italic": "BOLD ITALIC"}


def _styled_char(ch: str, style: str) -> str:
    name = unicodedata.name(ch, "")
    for prefix, kind in (("LATIN CAPITAL LETTER ", "CAPITAL"), ("LATIN SMALL LETTER ", "SMALL"),
                         ("GREEK CAPITAL LETTER ", "CAPITAL"), ("GREEK SMALL LETTER ", "SMALL"),
                         ("DIGIT ", "DIGIT")):
        if name.startswith(prefix):
            letter = name[len(prefix):]
            for candidate in (f"MATHEMATICAL {style} {kind} {letter}", f"{style} {kind} {letter}"):
                try:
                    return unicodedata.lookup(candidate)
                except KeyError:
                    pass
    return ch


def _unicode_variants(mathml: str) -> str:
    def sub(m):
        style = _STYLE[m.group(1)]
        return "<mi>" + "".join(_styled_char(c, style) for c in m.group(2)) + "</mi>"
    return _VARIANT.sub(sub, mathml)


def to_mathml(tex: str, display: bool) -> str:
    """Render TeX to a MathML string; raise TexError on invalid TeX."""
    try:
        # `:=` typeset as one symbol (KaTeX would space `:` as punctuation): "z ≔ Wx + b".
        return _unicode_variants(_render(tex.replace(":=", r"\coloneqq "), display))
    except pykatex.ParseError as exc:
        raise TexError(str(exc)) from None


def _render(tex: str, display: bool) -> str:
    return pykatex.renderToString(tex, output=pykatex.OUTPUT_MATHML, displayMode=display,
                                  throwOnError=True, strict=pykatex.STRICT_ERROR)
