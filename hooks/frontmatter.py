"""MkDocs hook: a thin adapter over sitemeta.

- Validates every page's front matter before anything is built (MkDocs itself silently ignores
  front matter that is not valid YAML); bad front matter fails the build naming the file.
- Uses each page's `summary` as its <meta name="description">.
- Shows the page's aliases under its title ("Also known as: ...").
- Adds each page's aliases to the search index as the `aliases` field (boosted in mkdocs.yml under
  the search plugin's `fields`) of the page's own entry, and keeps tags on that entry only, so
  typing an alias or a tag finds the page that carries it first.
- Keeps the TeX annotation of rendered formulas out of the search index (no raw TeX in results).
"""
from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitemeta import FrontMatterError, check_pages

_state: dict = {"vocabulary": frozenset(), "pages": {}, "urls": {}}

_H1 = re.compile(r"^#[ \t]+\S.*$", re.M)


def _vocabulary(config) -> frozenset:
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    if tags is None:
        raise PluginError("mkdocs.yml: hooks/frontmatter.py needs the tags plugin with `tags_allowed` "
                          "(the tag vocabulary) under `plugins:`")
    allowed = getattr(tags.config, "tags_allowed", None) or set()
    return frozenset(getattr(t, "name", str(t)) for t in allowed)


def on_config(config):
    _state["vocabulary"] = _vocabulary(config)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    fields = getattr(getattr(search, "config", None), "fields", None) or {}
    if "aliases" not in fields:
        raise PluginError("mkdocs.yml: the search plugin must index aliases: add "
                          "`fields: {aliases: {boost: ...}}` to `- search:` under `plugins:`")
    return config


def _shown(file, config) -> str:
    root = os.path.dirname(config.config_file_path or config.docs_dir)
    return os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")


@event_priority(100)  # before the other hooks: they rely on pages having sound front matter
def on_files(files, config):
    pages = [f for f in files.documentation_pages() if f.src_uri.endswith(".md")]
    sources = []
    for f in pages:
        with open(f.abs_src_path, encoding="utf-8-sig") as fh:
            sources.append((_shown(f, config), fh.read()))
    try:
        metas = check_pages(sources, _state["vocabulary"])
    except FrontMatterError as exc:
        raise PluginError("Bad front matter:\n" + str(exc)) from None
    _state["pages"] = {f.src_uri: meta for f, meta in zip(pages, metas)}
    _state["urls"] = {}
    return files


def aliases_html(aliases) -> str:
    names = ", ".join(html.escape(a) for a in aliases)
    return f'<p class="md-aliases"><strong>Also known as:</strong> {names}</p>'


def on_page_markdown(markdown, page, config, files):
    meta = _state["pages"].get(page.file.src_uri)
    if meta is None:
        return markdown
    # Material writes the description into an attribute unescaped: escape it here.
    page.meta.setdefault("description", html.escape(meta.summary, quote=True))
    _state["urls"][page.url] = list(meta.aliases)
    block = "\n\n" + aliases_html(meta.aliases) + "\n\n"
    fence = markdown.find("```")
    h1 = _H1.search(markdown, 0, fence if fence >= 0 else len(markdown))
    if h1 is None:
        return block.lstrip("\n") + markdown
    return markdown[: h1.end()] + block + markdown[h1.end():].lstrip("\n")


_TEX_ANNOTATION = '<annotation encoding="application/x-tex">'


def on_page_content(html_text, page, config, files):
    """Keep each formula's TeX source (the MathML annotation hooks/formulas.py renders) and code
    blocks out of the search index, so search results show the typeset math once and no raw TeX,
    and the index every page loads stays small. The search plugin drops `data-search-*` attributes
    from the page after indexing it."""
    html_text = html_text.replace(_TEX_ANNOTATION,
                                  '<annotation encoding="application/x-tex" data-search-exclude="tex">')
    # Code blocks (the "Verify it yourself" scripts, wrong forms) stay out of the index too:
    # readers search by topic, alias and tag, and code was 70 % of the index's text.
    return html_text.replace("<pre>", '<pre data-search-exclude="code">')


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    by_url = _state.get("urls", {})
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        aliases = by_url.get(location)
        if aliases is not None:
            doc["aliases"] = aliases
        elif "#" in location and location.split("#", 1)[0] in by_url:
            # Tags describe the page, not each section: Material copies them onto every section's
            # entry, which makes a tag as common as a stop word to lunr's scoring (and lets a
            # section outrank its page). Keep them on the page's own entry only.
            doc.pop("tags", None)
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")

