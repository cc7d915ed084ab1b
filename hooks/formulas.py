"""MkDocs hook: a thin adapter over matcheck.

Renders every formula arithmatex found to MathML at build time (no script, no fonts, no network).
Invalid TeX fails the build, naming the page and the formula.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from matcheck.render import TexError, to_mathml  # noqa: E402

# arithmatex (generic mode) output: the only HTML shapes this hook rewrites.
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.S,
)


def on_page_content(html_text, page, config, files):
    errors = []

    def render(m):
        display = m.group("display") is not None
        tex = html.unescape(m.group("display") if display else m.group("inline")).strip()
        try:
            mathml = to_mathml(tex, display)
        except TexError as exc:
            errors.append(f"{page.file.src_uri}: invalid TeX in formula `{tex}`: {exc}")
            return m.group(0)
        if display:
            return f'<div class="math display">{mathml}</div>'
        return f'<span class="math">{mathml}</span>'

    out = _MATH.sub(render, html_text)
    if errors:
        raise PluginError("\n".join(errors))
    return out
