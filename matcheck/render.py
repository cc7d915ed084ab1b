"""TeX -> MathML at build time with KaTeX (through pykatex, which embeds QuickJS).

MathML output needs no stylesheet, no font files and no script: browsers typeset it natively,
so pages carry their math in the HTML itself and load nothing from another host.
"""
from __future__ import annotations

import pykatex


class TexError(ValueError):
    """The TeX does not parse (KaTeX's own message, which names the position)."""


def to_mathml(tex: str, display: bool) -> str:
    """Render TeX to a MathML string; raise TexError on invalid TeX."""
    try:
        return pykatex.renderToString(
            tex,
            output=pykatex.OUTPUT_MATHML,
            displayMode=display,
            throwOnError=True,
            strict=pykatex.STRICT_ERROR,
        )
    except pykatex.ParseError as exc:
        raise TexError(str(exc)) from None
