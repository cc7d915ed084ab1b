"""Multi-line displays: `\\begin{aligned} ... \\end{aligned}` read as the one chain it lays out.

A long display is broken into lines so it fits a phone, e.g.

    \\begin{aligned} a &= b \\\\ &= c + d \\\\ &\\quad + e \\end{aligned}

Inside `aligned`, `&` and `\\\\` are layout only, and so is a `\\quad` or `\\qquad` right after the
`&` that starts a line (the indent of a continued line). Removing them joins the lines into one
formula, `a = b = c + d + e`, so every relation (each `=` link) is still checked. This runs before
the grammar sees the TeX (matcheck.parse); the page keeps the layout for the reader.
"""
from __future__ import annotations

import re

BEGIN = r"\begin{aligned}"
END = r"\end{aligned}"
_LINE_BREAK = re.compile(r"\\\\(?:\[[^\]]*\])?")        # `\\`, or `\\[4pt]`
_INDENT = re.compile(r"^&\s*(?:\\qquad|\\quad)(?![A-Za-z])\s*")


class AlignedError(ValueError):
    """An `aligned` environment that cannot be read; `column` is 1-based in the formula."""

    def __init__(self, column: int, reason: str):
        self.column, self.reason = column, reason
        super().__init__(reason)


def _join(body: str) -> str:
    lines = []
    for line in _LINE_BREAK.split(body):
        line = line.strip()
        line = _INDENT.sub("", line)
        lines.append(line.replace("&", " "))
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


def join_lines(tex: str) -> str:
    """The formula with every `aligned` environment joined into one line (unchanged if it has none).
    Raise AlignedError for an unclosed or nested environment, or `&` / `\\\\` outside one."""
    if BEGIN not in tex and END not in tex and "&" not in tex and "\\\\" not in tex:
        return tex
    out, pos = [], 0
    while True:
        start = tex.find(BEGIN, pos)
        end = tex.find(END, pos)
        if start < 0:
            if end >= 0:
                raise AlignedError(end + 1, "`\\end{aligned}` without a `\\begin{aligned}` before it")
            out.append(tex[pos:])
            break
        if end < 0:
            raise AlignedError(start + 1, "`\\begin{aligned}` is not closed: end it with `\\end{aligned}`")
        if end < start:
            raise AlignedError(end + 1, "`\\end{aligned}` without a `\\begin{aligned}` before it")
        inner = tex[start + len(BEGIN):end]
        if BEGIN in inner:
            raise AlignedError(start + len(BEGIN) + inner.index(BEGIN) + 1,
                               "`aligned` inside `aligned`: write one environment, one line per step")
        out.append(tex[pos:start])
        out.append(" " + _join(inner) + " ")
        pos = end + len(END)
    joined = " ".join("".join(out).split())
    for mark, what in (("&", "`&`"), ("\\\\", "a line break `\\\\`")):
        if mark in joined:
            raise AlignedError(joined.index(mark) + 1, f"{what} outside `\\begin{{aligned}} ... \\end{{aligned}}`")
    return joined


# ---------------------------------------------------------------------------------------------
# Laying a long chain out on lines (for the reader; join_lines gives the checker the same chain).

_SCALE = {"operatorname": 0.9, "text": 0.9, "mathrm": 0.9, "mathbf": 1.0, "boldsymbol": 1.0,
          "mathsf": 1.0, "hat": 1.0, "tilde": 1.0, "bar": 1.0, "sqrt": 1.0}
_NAMED = {"log", "det", "exp", "ln", "sin", "cos", "tanh", "min", "max", "lim", "dots", "cdots", "ldots"}
_SILENT = {"left", "right", ",", ";", "!", "big", "Big", "bigl", "bigr", "Bigl", "Bigr"}


def _group(s: str, i: int) -> tuple[str, int]:
    """The brace group (or single token) starting at s[i] (spaces skipped), and the index after it."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] == "{":
        depth = 0
        for j in range(i, len(s)):
            depth += {"{": 1, "}": -1}.get(s[j], 0)
            if depth == 0:
                return s[i + 1:j], j + 1
        return s[i + 1:], len(s)
    m = re.match(r"\\[A-Za-z]+|\\.|.", s[i:])
    return m.group(0), i + len(m.group(0))


def visual_length(tex: str) -> float:
    """Roughly how many characters wide the typeset formula is (fractions count their wider part,
    scripts count less, spacing around operators more): enough to choose where to break lines."""
    n, i = 0.0, 0
    while i < len(tex):
        c = tex[i]
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", tex[i:])
            name, i = m.group(1), i + len(m.group(0))
            if name in ("frac", "dfrac", "tfrac"):
                a, i = _group(tex, i)
                b, i = _group(tex, i)
                n += max(visual_length(a), visual_length(b)) + 0.6
            elif name in _SCALE:
                g, i = _group(tex, i)
                n += _SCALE[name] * visual_length(g) + (0.6 if name == "sqrt" else 0)
            elif name in ("quad", "qquad"):
                n += 1.5 if name == "quad" else 3
            elif name in _NAMED:
                n += 0.9 * len(name) if "dots" not in name else 2
            elif name not in _SILENT:
                n += 1
        elif c in "^_":
            g, i = _group(tex, i + 1)
            n += 0.65 * visual_length(g)
        elif c in "{} &":
            i += 1
        elif c in "=+-<>":
            n += 2
            i += 1
        else:
            n += 1
            i += 1
    return n


# Commands that join two factors rather than start one: no line break around them.
_BINARY = {"quad", "qquad", "cdot", "circ", "odot", "otimes", "times"}


def _top_level(tex: str, level: int = 0):
    """(index, token) of each relation (`=`, `:=`), binary `+`/`-` and space between two factors of
    a product (token " ") at group depth `level`; below depth 0 only inside plain parentheses (a
    `\\left( ... \\right)` pair cannot span lines)."""
    stack, i, out, prev, left, gap = [], 0, [], "", False, False

    def factor_starts(at):
        # a space after an operand, then another operand: the product may continue on a new line
        if gap and len(stack) == level and all(k == "(" for k in stack):
            out.append((at - 1, " "))

    while i < len(tex):
        c = tex[i]
        if tex.startswith("\\|", i):
            if not (stack and stack[-1] == "|"):
                factor_starts(i)
                stack.append("|")
            else:
                stack.pop()
            i, prev, gap = i + 2, "x", False
            continue
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", tex[i:])
            name = m.group(1)
            left = name in ("left", "right")
            if name in _BINARY:
                prev = "op"
            else:
                if name != "right":
                    factor_starts(i)
                prev = "x"
            i, gap = i + len(m.group(0)), False
            continue
        plain = all(k == "(" for k in stack)
        if c in "([" and not left:
            factor_starts(i)
        if c in "{([":
            stack.append("L" if left else c)
        elif c in "})]":
            if stack:
                stack.pop()
        elif len(stack) == level and plain and tex.startswith(":=", i):
            out.append((i, ":="))
            i, prev, gap = i + 2, "=", False
            continue
        elif len(stack) == level and plain and c == "=":
            out.append((i, "="))
        elif len(stack) == level and plain and c in "+-" and prev not in ("", "=", "+", "-", "(", "op"):
            out.append((i, c))
        elif c.isalnum():
            factor_starts(i)
        if c == " ":
            gap = gap or prev == "x"
        else:
            prev = c if c in "=+-(&^_" else "x"
            gap, left = False, False
        i += 1
    return out


def _factor_cuts(tex: str, level: int) -> list[int]:
    """Where a product may continue on the next line: the spaces between its factors."""
    return [i for i, t in _top_level(tex, level) if t == " " and i > 0]


def break_lines(tex: str, width: float = 30) -> str:
    """A one-line chain laid out as an `aligned` display: one relation per line, and a line still
    wider than `width` continued at its top-level `+`/`-` signs (indented with `\\quad`). A formula
    that fits, or has no relation, comes back unchanged; join_lines(result) is the same chain."""
    if BEGIN in tex:
        # Laid out by hand: kept, unless a line is still too wide; then laid out again from its chain.
        body = tex[tex.index(BEGIN) + len(BEGIN):tex.rindex(END)] if END in tex else ""
        if tex.startswith(BEGIN) and tex.rstrip().endswith(END) and all(
                visual_length(line) <= width * 1.1 for line in _LINE_BREAK.split(body)):
            return tex
        tex = join_lines(tex)
    if visual_length(tex) <= width:
        return tex
    marks = _top_level(tex)
    rels = [(i, t) for i, t in marks if t in ("=", ":=")]
    if not rels:
        return tex
    cuts = [i for i, _ in rels] + [len(tex)]
    first = tex[:rels[0][0]].strip()
    first_rhs = tex[rels[0][0] + len(rels[0][1]):cuts[1]].strip()
    # A long left side gets a line of its own, and every relation starts a line at the left edge.
    own_line = visual_length(f"{first} {rels[0][1]} {first_rhs}") > width
    lines = _wrap("& ", first, width) if own_line else []
    for k, (i, rel) in enumerate(rels):
        rhs = tex[i + len(rel):cuts[k + 1]].strip()
        lead = (first + " " if k == 0 and not own_line else "") + f"&{rel} "
        lines.extend(_wrap(lead, rhs, width))
    return "\\begin{aligned} " + " \\\\ ".join(lines) + " \\end{aligned}"


def _wrap(lead: str, rhs: str, width: float) -> list[str]:
    """One side after its relation, on as many lines as it needs, cut at top-level `+`/`-`."""
    if visual_length(lead + rhs) <= width:
        return [lead + rhs]
    # Cut at the signs between terms, else between the factors of a product, else inside its
    # outer parentheses (signs, then factors).
    cuts = ([i for i, t in _top_level(rhs) if t in "+-"] or _factor_cuts(rhs, 0)
            or [i for i, t in _top_level(rhs, 1) if t in "+-"] or _factor_cuts(rhs, 1))
    if not cuts:
        return [lead + rhs]
    lines = _fill(lead, rhs, cuts, width)
    # A line still too wide (one long product) is cut between its factors.
    out = []
    for line in lines:
        out.extend(_wrap_factors(line, width) if visual_length(line) > width else [line])
    return out


def _fill(lead: str, text: str, cuts: list[int], width: float) -> list[str]:
    """`text` cut at `cuts` into pieces, filled into lines of at most `width` after `lead`; each
    continuation line indented with `\\quad`."""
    pieces = [p for p in (text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])) if p]
    lines, current = [], lead + pieces[0]
    for piece in pieces[1:]:
        if visual_length(current + " " + piece) <= width:
            current += " " + piece
        else:
            lines.append(current)
            current = "&\\quad " + piece
    lines.append(current)
    return lines


_LEAD = re.compile(r"^(?:[^&]*&(?:\\quad(?![A-Za-z])|:=|=)?\s*)")


def _wrap_factors(line: str, width: float, level: int = 0) -> list[str]:
    """A line that is one long product, cut between its factors (at group depth 0, else inside the
    outer parentheses) into lines that fit; each continuation indented with `\\quad`."""
    lead = _LEAD.match(line).group(0)
    body = line[len(lead):]
    cuts = _factor_cuts(body, level)
    if not cuts:
        return _wrap_factors(line, width, 1) if level == 0 else [line]
    lines = _fill(lead, body, cuts, width)
    if level == 0:
        lines = [x for line in lines
                 for x in (_wrap_factors(line, width, 1) if visual_length(line) > width else [line])]
    return lines
