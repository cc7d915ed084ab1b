"""Problems in a page's prose that the formula checker would misreport or let through.

- Math in a heading: the table of contents, the navigation and the search index show a heading
  as plain text, so its TeX would reach readers raw.
- A dollar sign meant as money (`$5-$10`): Markdown math reads `$5-$` as a formula `5-`, which the
  checker can only call unparsable; say what it is and suggest `\\$`.

Pages are given with their front matter (line numbers are the file's); notebooks as
matcheck.notebook.notebook_markdown text. Kept free of MkDocs.
"""
from __future__ import annotations

import re

from .extract import _fence, _inline
from .page import split_front_matter

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
_PAREN_MATH = re.compile(r"\\\(.+?\\\)")
# What a money amount leaves between two dollar signs: digits, then a range or list separator.
_MONEY = re.compile(r"^\d[\d,.]*\s*[-–—+/,]\s*$")


def _lines_outside_code(text: str):
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        mark = _fence(stripped)
        if mark:
            fence = mark
            continue
        yield number, line


def prose_problems(text: str, page: str) -> list[str]:
    """One message per problem: `page:line: what is wrong: what to do`."""
    body, offset = split_front_matter(text)
    problems = []
    for number, line in _lines_outside_code(body):
        where = f"{page}:{number + offset}"
        heading = _HEADING.match(line)
        if heading:
            maths = _inline(heading["text"]) + _PAREN_MATH.findall(heading["text"])
            if maths:
                problems.append(
                    f"{where}: math in a heading (`{maths[0]}`): the table of contents, the navigation "
                    "and search show headings as plain text, so the TeX would show raw; name it in "
                    "words in the heading and put the formula in the text below")
                continue
        for tex in _inline(line):
            if _MONEY.match(tex):
                start = line.find(f"${tex}$")
                end = len(line)
                for m in re.finditer(r"\s", line[start:]):
                    end = start + m.start()
                    break
                written = line[start:end] if start >= 0 else f"${tex}$"
                problems.append(
                    f"{where}: `{written}` reads as the formula `{tex}` between two dollar signs; if "
                    "these are amounts of money, write each dollar sign as `\\$`: "
                    f"`{written.replace('$', chr(92) + '$')}`")
    return problems
