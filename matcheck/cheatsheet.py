"""The printable cheat sheet: the key identities each page marks, gathered by topic.

A page marks a key identity with a line `<!-- cheat-sheet -->` right before its display formula:

    <!-- cheat-sheet -->
    $$
    \\frac{\\partial (x^T A x)}{\\partial x} = (A + A^T) x
    $$

The marker must stand before a display formula that the checker verified; anything else (a
definition, an inline formula, prose, a wrong form) is an error naming file and line. The sheet
lists the marked formulas page by page (the topic), in navigation order, each linking back to
the section it comes from. Kept free of MkDocs: the hook passes titles, order and slugify.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .page import PageReport

MARKER = re.compile(r"^\s*<!--\s*cheat-sheet\s*-->\s*$")
SHEET_MARK = "<!-- matcheck:cheat-sheet -->"
ENTRY_MARK = "MATCHECK-CHEAT-"
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Entry:
    page: str          # repository path, e.g. docs/identities.md
    line: int          # the formula's line
    tex: str
    section: str       # the heading above it
    anchor: str        # that heading's id


def _default_slugify(text: str, sep: str = "-") -> str:
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", sep, text)


def collect(pages: Iterable[PageReport], root: Path,
            slugify: Callable[[str, str], str] = _default_slugify) -> tuple[list[Entry], list[str]]:
    """The marked key identities of Markdown pages, and errors (file:line) for misplaced markers."""
    entries, errors = [], []
    for report in pages:
        if not report.page.endswith(".md"):
            continue
        lines = (root / report.page).read_text(encoding="utf-8").split("\n")
        section, anchor, used, fence = "", "", {}, False
        for number, line in enumerate(lines, start=1):
            if _FENCE.match(line):
                fence = not fence
                continue
            heading = None if fence else _HEADING.match(line)
            if heading:
                base = slugify(heading.group(2), "-")
                unique = base if base not in used else f"{base}_{used[base]}"   # as Markdown's toc does
                used[base] = used.get(base, 0) + 1
                # Under the page title the entry links to the page; under a section, to the section.
                section, anchor = (heading.group(2), unique) if len(heading.group(1)) >= 2 else ("", "")
                continue
            if fence or not MARKER.match(line):
                continue
            problem = _check_marker(report, lines, number)
            if problem:
                errors.append(f"{report.page}:{number}: cheat-sheet marker {problem}: put "
                              "`<!-- cheat-sheet -->` on the line right before a verified `$$` display formula")
                continue
            result = _next_result(report, number)
            entries.append(Entry(report.page, result.line, result.tex, section, anchor))
    return entries, errors


def _next_result(report: PageReport, line: int):
    return next((r for r in report.results if r.line > line), None)


def _check_marker(report: PageReport, lines: list[str], number: int) -> str:
    following = next((k for k in range(number, len(lines)) if lines[k].strip()), None)
    if following is None or not lines[following].strip().startswith("$$"):
        return "is not followed by a display formula (`$$` on the next line)"
    result = _next_result(report, number)
    if result is None or not result.display or result.line > following + 2:
        return "is not followed by a display formula the checker saw"
    if result.status != "verified":
        return f"is on a formula that is not verified (it is a {result.status})"
    return ""


def nav_order(nav, prefix: str = "docs/") -> list[str]:
    """The pages of a navigation tree (lists of `title: path` mappings or paths), in order."""
    order = []

    def walk(items):
        for item in items or []:
            for value in (item.values() if isinstance(item, dict) else [item]):
                walk(value) if isinstance(value, list) else order.append(prefix + str(value))
    walk(nav)
    return order


def titles(root: Path, pages) -> dict[str, str]:
    """Each page's front-matter title (the topic's heading on the sheet)."""
    import yaml

    from .page import split_front_matter

    out = {}
    for page in pages:
        text = (root / page).read_text(encoding="utf-8")
        front = text[: len(text) - len(split_front_matter(text)[0])].strip().strip("-")
        out[page] = (yaml.safe_load(front) or {}).get("title", Path(page).stem)
    return out


def placeholder(tex: str) -> str:
    return ENTRY_MARK + tex.encode("utf-8").hex()


def markdown(entries: list[Entry], order: list[str], titles: dict[str, str], link: Callable[[str], str]) -> str:
    """The sheet's Markdown: one `##` topic per page (navigation order), each formula a placeholder
    (typeset and marked by the hook) with a link back to its section."""
    by_page: dict[str, list[Entry]] = {}
    for e in entries:
        by_page.setdefault(e.page, []).append(e)
    rank = {p: k for k, p in enumerate(order)}
    out = []
    for page in sorted(by_page, key=lambda p: (rank.get(p, len(rank)), p)):
        out += [f"## {titles.get(page, Path(page).stem)}", ""]
        for e in by_page[page]:
            target = link(page) + (f"#{e.anchor}" if e.anchor else "")
            label = e.section if e.anchor else titles.get(page, Path(page).stem)
            # data-search-exclude: the formulas are indexed on their own pages, where search lands.
            out += ['<div class="mc-cheat-entry" markdown data-search-exclude="sheet">', "", placeholder(e.tex), "",
                    f"[{label}]({target}){{ .mc-cheat-link }}", "", "</div>", ""]
    return "\n".join(out)
