"""MkDocs hook: a thin adapter over matcheck.

- on_files: check every formula of every page (matcheck.page); any failure fails the build, strict or
  not, naming file:line, the formula, which sides disagree, the largest error and the seed.
- on_page_markdown: hand MkDocs the page with its `/// where` boxes expanded.
- on_page_content: render each formula arithmatex found to MathML (build time: no script, no fonts,
  no network), after making sure it is exactly a formula the checker saw; mark verified ones.
- on_post_build: write verification.json at the site root.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from matcheck import cheatsheet
from matcheck.cache import check_site  # serve: only edits are redone
from matcheck.cache import mathml as to_mathml
from matcheck.declare import describe
from matcheck.extract import normalize
from matcheck.multiline import break_lines, visual_length
from matcheck.page import QUOTED_TEX_MARK, WRONG_FORMULA_MARK, wrong_formula_tex
from matcheck.render import TexError
from matcheck.site import SiteReport
from sitemeta.cookbook import (
    TABLE_MARK,
    audit,
    crossref_markdown,
    load_equations,
    printed_verifies,
    render_markers,
    site_markers,
)

ROOT = Path(__file__).resolve().parent.parent

# arithmatex (generic mode) output: the only HTML shapes this hook rewrites.
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.S,
)

_state: dict = {}
WRONG_FORM_WIDTH = 24  # matcheck.multiline.visual_length units that fit a wrong-form box at 390 px
LONG_DISPLAY = 30      # ... beyond which a display formula may not fit a 390 px column
DISPLAY_WIDTH = 27     # ... the lines it is then broken into
LONG_FORMULA = 50  # characters of TeX beyond which a display formula can overflow a narrow column


def on_files(files, config):
    docs = Path(config["docs_dir"])
    # Pages, and the worked-example notebooks (their Markdown cells: see matcheck/notebook.py).
    pages = sorted(f.abs_src_path for f in files
                   if f.src_uri.endswith(".md") or (f.src_uri.endswith(".py") and f.src_uri.startswith("notebooks/")))
    report = check_site(pages, ROOT, docs)
    _state["report"] = report
    errors = report.error_lines() + _collect_cheat_sheet(report) + _cookbook_numbers(report)
    if errors:
        raise PluginError(
            f"{len(errors)} formula problem(s); the site never shows a wrong or unchecked formula:\n"
            + "\n".join(errors))
    return files


def on_page_markdown(markdown, page, config, files):
    report: SiteReport = _state["report"]
    page_report = report.page_for(page.file.abs_src_path)
    if page_report is None:
        return markdown
    text = _cookbook_markdown(report.page_markdown(page_report))
    if cheatsheet.SHEET_MARK in text:
        text = text.replace(cheatsheet.SHEET_MARK, _cheat_sheet_markdown(page, config))
    return text


def _collect_cheat_sheet(report) -> list[str]:
    """The key identities the pages mark (matcheck.cheatsheet); misplaced markers are build errors."""
    from markdown.extensions.toc import slugify  # the ids MkDocs gives headings

    entries, errors = cheatsheet.collect(report.pages, ROOT, slugify)
    _state["cheat_entries"] = entries
    _state["cheat_results"] = {(r.page, r.line): r for r in report.results}
    return errors


def _cheat_sheet_markdown(page, config) -> str:
    import os

    entries = _state["cheat_entries"]
    here = (Path(config["docs_dir"]) / page.file.src_uri).parent

    def link(src: str) -> str:
        return os.path.relpath(ROOT / src, here).replace(os.sep, "/")
    return cheatsheet.markdown(entries, cheatsheet.nav_order(config["nav"]),
                               cheatsheet.titles(ROOT, {e.page for e in entries}), link)


def on_page_content(html_text, page, config, files):
    report: SiteReport = _state["report"]
    page_report = report.page_for(page.file.abs_src_path)
    notebook = page.file.src_uri.startswith("notebooks/")
    expected = list(page_report.results) if page_report else []
    if notebook:  # a notebook's where boxes are rendered below, not by arithmatex
        expected = [r for r in expected if r.status != "declaration"]
    errors, seen = [], []

    def render(m):
        display = m.group("display") is not None
        tex = normalize(html.unescape(m.group("display") if display else m.group("inline")))
        position = len(seen)
        seen.append(tex)
        result = expected[position] if position < len(expected) else None
        if result is None or normalize(result.tex) != tex:
            where = f"line {result.line}" if result else "the end of the page"
            errors.append(f"{page.file.src_uri}: the renderer found formula `{tex}` where the checker "
                          f"expected {'`' + result.tex + '`' if result else 'none'} ({where}); "
                          "matcheck.extract and arithmatex disagree about this page's math")
            return m.group(0)
        try:
            # A display too wide for a 390 px column is shown broken into aligned lines at its
            # relations and top-level signs: the same chain (join_lines gives back the verified TeX,
            # which data-tex and Copy TeX keep).
            mathml = to_mathml(_shown(tex) if display else tex, display)
        except TexError as exc:
            errors.append(f"{page.file.src_uri}:{result.line}: invalid TeX in formula `{tex}`: {exc}")
            return m.group(0)
        title = _mark(result)
        if display:
            badge = (f'<span class="mc-mark" title="{html.escape(title)}" aria-label="{html.escape(title)}">'
                     f'{"✓" if result.status == "verified" else "def"}</span>') if title else ""
            # A long formula may scroll sideways: make it reachable from the keyboard (axe:
            # scrollable-region-focusable), without a tab stop for every short one.
            focus = ' tabindex="0"' if len(tex) > LONG_FORMULA else ""
            # data-tex: exactly the TeX the checker saw, for the Copy TeX button (docs/javascripts/copy-tex.js).
            # data-search-exclude: a display's typeset text is no word a reader types; search finds
            # it by the keys hooks/search.py derives from its TeX (this keeps the index, which
            # every page loads, small).
            return (f'<div class="math display mc-{result.status}"{focus} data-tex="{html.escape(tex)}" '
                    f'data-search-exclude="math">{mathml}{badge}</div>')
        attr = f' title="{html.escape(title)}"' if title else ""
        return f'<span class="math mc-{result.status}"{attr} data-search-exclude="math">{mathml}</span>'

    out = _MATH.sub(render, html_text)
    if not errors and len(seen) != len(expected):
        missing = expected[len(seen)]
        errors.append(f"{page.file.src_uri}:{missing.line}: formula `{missing.tex}` was checked but "
                      "not rendered (is it inside a code block for arithmatex?)")
    if not errors and notebook and page_report:
        out = _notebook_where_boxes(out, page_report, page.file.src_uri, errors)
    if not errors:
        out = _wrong_formulas(out, page.file.src_uri, errors)
    if not errors and cheatsheet.ENTRY_MARK in out:
        out = _cheat_sheet_formulas(out)
    if errors:
        raise PluginError("\n".join(errors))
    return out


_WHERE_PARAGRAPH = re.compile(r"<p>\s*///\s*where\b.*?///\s*</p>", re.S)
_INLINE_TEX = re.compile(r"\$([^$]+)\$")


def _notebook_where_boxes(html_text, page_report, where, errors):
    """nbconvert leaves a Markdown cell's `/// where` block as a paragraph: render the box that
    matcheck parsed from it (the k-th paragraph is the k-th box)."""
    boxes = iter(page_report.where_boxes)

    def item(text):
        parts = _INLINE_TEX.split(text)
        out = []
        for k, part in enumerate(parts):
            if k % 2:
                out.append(f'<span class="math mc-declaration">{to_mathml(part, False)}</span>')
            else:
                out.append(re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(part)))
        return "<li>" + "".join(out) + "</li>"

    def box(_m):
        decls = next(boxes, None)
        if decls is None:
            errors.append(f"{where}: a `/// where` paragraph that matcheck did not see")
            return _m.group(0)
        items = "".join(item(describe(d)) for d in decls)
        return ('<div class="admonition abstract where"><p class="admonition-title">Where</p>'
                f"<ul>{items}</ul></div>")

    return _WHERE_PARAGRAPH.sub(box, html_text)


_WRONG_PARAGRAPH = re.compile(rf"<p>{WRONG_FORMULA_MARK}([0-9a-f]+)</p>")
_QUOTED = re.compile(rf"{QUOTED_TEX_MARK}([0-9a-f]+)-")


def _wrong_formulas(html_text: str, where: str, errors: list) -> str:
    """Typeset each wrong formula (matcheck.page placed it, already refuted by the checker) with a
    ✗ and the label "wrong formula": never the verified ✓, and plain without colour."""
    def render(m):
        tex = wrong_formula_tex(m.group(1))
        try:
            # Quoted as written (the source's TeX): laid out on lines so it fits a phone.
            mathml = to_mathml(break_lines(tex, WRONG_FORM_WIDTH), True)
        except TexError as exc:
            errors.append(f"{where}: invalid TeX in wrong formula `{tex}`: {exc}")
            return m.group(0)
        return (f'<div class="math display mc-wrong" role="group" aria-label="wrong formula" '
                f'data-tex="{html.escape(tex)}">'
                f'<span class="mc-mark mc-cross" aria-hidden="true">✗ wrong</span>{mathml}</div>')
    def quoted(m):
        tex = wrong_formula_tex(m.group(1))
        try:
            return f'<span class="math mc-quoted">{to_mathml(tex, False)}</span>'
        except TexError as exc:
            errors.append(f"{where}: invalid TeX `{tex}`: {exc}")
            return m.group(0)
    return _QUOTED.sub(quoted, _WRONG_PARAGRAPH.sub(render, html_text))


_CHEAT_PARAGRAPH = re.compile(rf"<p>{cheatsheet.ENTRY_MARK}([0-9a-f]+)</p>")


def _cheat_sheet_formulas(html_text: str) -> str:
    """The cheat sheet's formulas: each verified on its own page, typeset and marked as there."""
    results = {(e.tex): _state["cheat_results"][(e.page, e.line)] for e in _state["cheat_entries"]}

    def render(m):
        tex = bytes.fromhex(m.group(1)).decode("utf-8")
        title = _mark(results[tex])
        return (f'<div class="math display mc-verified" data-tex="{html.escape(tex)}">{to_mathml(_shown(tex), True)}'
                f'<span class="mc-mark" title="{html.escape(title)}" aria-label="{html.escape(title)}">✓</span></div>')
    return _CHEAT_PARAGRAPH.sub(render, html_text)


def _shown(tex: str) -> str:
    """A display as the reader sees it: too wide for a 390 px column, broken into aligned lines at its
    relations, top-level signs and factors (join_lines gives back the verified TeX, which data-tex
    and Copy TeX keep)."""
    return break_lines(tex, DISPLAY_WIDTH) if visual_length(tex) > LONG_DISPLAY else tex


def _mark(result) -> str:
    if result.status == "verified":
        noise = f", {result.message}" if result.message else ""
        return (f"Verified: both sides evaluated on {result.draws} random draws "
                f"(finite differences for derivatives); max relative error {result.max_rel_err:.1e}{noise}")
    if result.status == "definition":
        return "Definition: not a claim to verify"
    return ""


def _cookbook_numbers(report: SiteReport) -> list[str]:
    """The Matrix Cookbook's equation numbers (sitemeta.cookbook): markers on verified formulas
    only, and the two-way audit against source/cookbook-equations.yml, errata included."""
    markers, errors = site_markers(report)
    listing = ROOT / "source" / "cookbook-equations.yml"
    if not listing.exists():   # a project without the cross-reference (tests build small copies)
        _state["cookbook"] = ([], markers)
        return errors + [f"{m.page}:{m.line}: a Cookbook marker, but the project has no {listing.name}"
                         for m in markers]
    equations = load_equations(listing)
    errors += audit(equations, markers, check_printed=printed_verifies)
    _state["cookbook"] = (equations, markers)
    return errors


def _typeset_printed(tex: str) -> str:
    """A formula as the Cookbook prints it, typeset (not raw TeX); it is not checked, so it carries
    no mark, and where KaTeX cannot read it, it stays code."""
    try:
        return f'<span class="math mc-quoted">{to_mathml(tex, False)}</span>'
    except TexError:
        return f"<code>{html.escape(tex)}</code>"


def _cookbook_markdown(markdown: str) -> str:
    equations, markers = _state["cookbook"]
    markdown = render_markers(markdown)
    if TABLE_MARK in markdown:
        markdown = markdown.replace(TABLE_MARK, crossref_markdown(equations, markers, typeset=_typeset_printed))
    return markdown


def on_post_build(config):
    report: SiteReport = _state["report"]
    out = Path(config["site_dir"]) / "verification.json"
    out.write_text(json.dumps(report.as_json(), indent=1, ensure_ascii=False), encoding="utf-8")
