"""MkDocs hook: shapes the search index (a thin adapter over matcheck.searchtext and sitemeta).

- Section aliases: front matter `section_aliases: {anchor: [alias, ...]}` (validated with the page's
  aliases in sitemeta) go on that section's search entry, so typing one opens the section; the
  section shows them under its heading ("Also known as: ..."). An anchor the page does not have
  fails the build, naming the file and the page's anchors.
- Typed formulas: every formula's TeX (the MathML annotation hooks/formulas.py renders) is parsed
  and each subexpression's plain spellings (`x^T A x`, `tr(AXB)`, `||Xw - y||^2`, ...; see
  matcheck/searchtext.py) go into the `keys` field of the entry of the section it is in.
- Joined forms: a hyphenated compound (cross-entropy, log-sum-exp, K-FAC) is also indexed written
  together (crossentropy, logsumexp, kfac), as readers type it both ways.
The query side of all this is overrides/assets/javascripts/workers/matcalc-search.js.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from matcheck.parse import parse
from matcheck.searchtext import formula_keys

_state: dict = {"keys": {}, "section_aliases": {}}

_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>.*?</h\1>', re.S)
_ANNOTATION = re.compile(r'<annotation encoding="application/x-tex"[^>]*>(.*?)</annotation>', re.S)
# Formulas shown but not stated by the page (a wrong form, a formula quoted as printed elsewhere):
# a typed query must not land on them.
_NOT_STATED = re.compile(r'<(div|span) class="math[^"]*\b(mc-wrong|mc-quoted)\b[^"]*"[^>]*>.*?</math>', re.S)
_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
_TAG = re.compile(r"<[^>]+>")


def on_config(config):
    _state["keys"], _state["section_aliases"] = {}, {}
    search = config.plugins.get("material/search") or config.plugins.get("search")
    fields = getattr(getattr(search, "config", None), "fields", None) or {}
    if "keys" not in fields:
        raise PluginError("mkdocs.yml: hooks/search.py indexes formulas and joined words as the `keys` "
                          "field: add `keys: {boost: ...}` to `fields:` of `- search:` under `plugins:`")
    return config


def _anchors(toc) -> list[str]:
    out = []
    for item in toc:
        out.append(item.id)
        out.extend(_anchors(item.children))
    return out


def _aliases_line(aliases) -> str:
    names = ", ".join(html.escape(a) for a in aliases)
    return f'<p class="md-aliases"><strong>Also known as:</strong> {names}</p>'


def tex_keys(tex: str) -> list[str]:
    """Search keys of one rendered formula's TeX; none for TeX outside the checker's notation."""
    try:
        formula = parse(tex.replace(r"\coloneqq", ":=").strip())
    except Exception:  # noqa: BLE001 - declarations and prose math the grammar does not read
        return []
    return formula_keys(formula)


def section_keys(html_text: str) -> dict[str, list[str]]:
    """Formula keys of a page's HTML by the anchor of the heading they follow ("" before any)."""
    marks = [(m.start(), m.group(2)) for m in _HEADING.finditer(html_text)]
    out: dict[str, dict[str, None]] = {}
    skipped = [(m.start(), m.end()) for m in _NOT_STATED.finditer(html_text)]
    for m in _ANNOTATION.finditer(html_text):
        if any(a <= m.start() < b for a, b in skipped):
            continue
        anchor = ""
        for start, name in marks:
            if start > m.start():
                break
            anchor = name
        bucket = out.setdefault(anchor, {})
        for key in tex_keys(html.unescape(m.group(1))):
            bucket.setdefault(key)
    return {a: list(keys) for a, keys in out.items()}


def on_page_content(html_text, page, config, files):
    sections = page.meta.get("section_aliases") or {}
    if sections:
        anchors = _anchors(page.toc)
        missing = [a for a in sections if a not in anchors]
        if missing:
            raise PluginError(
                f"{page.file.src_uri}: `section_aliases` names {', '.join(f'`{a}`' for a in missing)}, "
                f"which is not a heading anchor of this page; its anchors are: {', '.join(anchors)}")
        for anchor, aliases in sections.items():
            html_text = re.sub(rf'(<h([1-6]) id="{re.escape(anchor)}"[^>]*>.*?</h\2>)',
                               lambda m, a=aliases: m.group(1) + "\n" + _aliases_line(a), html_text,
                               count=1, flags=re.S)
        _state["section_aliases"][page.url] = {a: list(v) for a, v in sections.items()}
    _state["keys"][page.url] = section_keys(html_text)
    return html_text


def joined_forms(*texts: str) -> list[str]:
    """Hyphenated compounds written together: cross-entropy -> crossentropy."""
    found: dict[str, None] = {}
    for text in texts:
        for m in _COMPOUND.finditer(_TAG.sub(" ", text)):
            found.setdefault(m.group(0).replace("-", "").lower())
    return list(found)


@event_priority(-110)  # after hooks/frontmatter.py has put the page aliases into the index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index.get("docs", [])}
    keys: dict[str, dict[str, None]] = {}
    for url, sections in _state["keys"].items():
        for anchor, found in sections.items():
            location = f"{url}#{anchor}" if f"{url}#{anchor}" in docs else url
            keys.setdefault(location, {}).update(dict.fromkeys(found))
    for url, sections in _state["section_aliases"].items():
        for anchor, aliases in sections.items():
            doc = docs.get(f"{url}#{anchor}")
            if doc is None:
                raise PluginError(f"search index: no entry for section `{url}#{anchor}` that "
                                  "`section_aliases` names (is the heading excluded from search?)")
            doc["aliases"] = aliases
    for location, doc in docs.items():
        found = dict(keys.get(location, {}))
        found.update(dict.fromkeys(joined_forms(doc.get("title", ""), doc.get("text", ""),
                                                " ".join(doc.get("aliases", [])))))
        if found:
            doc["keys"] = " ".join(found)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
