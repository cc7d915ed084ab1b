"""MkDocs hook: the worked examples in notebooks/ as site pages, rendered by mkdocs-jupyter.

- on_files: adds notebooks/*.py (jupytext percent format) as pages at notebooks/<name>/, before
  mkdocs-jupyter claims .py pages as notebooks (it then executes them: see mkdocs.yml).
- on_page_content, notebook pages only, before hooks/formulas.py runs:
  * removes the <script> elements the nbconvert template always emits that would load MathJax or
    Mermaid from a CDN; any other reference to another host left in the page fails the build;
  * rewrites TeX math in markdown cells, which nbconvert leaves as literal `$...$` / `$$...$$`
    text, into arithmatex's generic shape, so hooks/formulas.py checks it (matcheck reads the
    notebook's Markdown cells like a page, where boxes included) and typesets it like the site's;
  * gives every plot its caption as alt text: the markdown cell right after a plot must start with
    "Figure:" (plain text, no math), or the build fails;
  * adds a download link to the notebook's source, which `include_source` copies next to the page;
  * restyles code cells with Material's code colours and makes scrolling cells focusable (the
    Jupyter theme fails axe's colour-contrast and scrollable-region-focusable checks);
- on_config: unsets MPLBACKEND, so the executing kernels draw inline plots whatever the caller's
  environment says.
- on_pre_page, notebook pages only, after mkdocs-jupyter's: the page is rendered from the notebook
  as executed by buildrun.notebooks (every cell bounded by buildrun.CELL_TIMEOUT, no network, an
  error names file, cell and line), and the rendered page is cached in .cache/notebooks/ by the
  hash of the notebook's bytes, the plugin options and the versions that shape the output, so an
  unchanged notebook is not executed again (mkdocs-jupyter itself runs with `execute: false`).
"""
from __future__ import annotations

import html
import os
import re
import sys
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from buildrun import CELL_TIMEOUT
from buildrun.cache import JsonCache, cache_root, content_key

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PREFIX = "notebooks/"

# What mkdocs-jupyter 0.26 / nbconvert 7 emit (tests/test_notebooks.py checks the built pages).
_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
_REMOTE_SCRIPT = re.compile(r"https?://|^<script\b[^>]*\bsrc=\"(?:\"|//)")  # e.g. Mermaid's module
_OTHER_HOST = re.compile(
    r"<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*"
    r"\b(?:src|href|data)\s*=\s*[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//|@import\s+[\"'](?:https?:)?//",
    re.I,
)
_MARKDOWN_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput"[^>]*>)(.*?)(</div>)',
    re.S,
)
_IMG = re.compile(r'<img\b(?P<attrs>[^>]*\bsrc="data:image/[^"]*"[^>]*)>')
_ALT = re.compile(r'\salt="[^"]*"')
_CAPTION = re.compile(r"<p>\s*(Figure:.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CELL_MATH = re.compile(
    r"(?P<code><code\b.*?</code>|<pre\b.*?</pre>)|\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\s][^$]*?)\$", re.S)


def _arithmatex(cell_html: str) -> str:
    """`$...$` -> arithmatex's generic span, `$$...$$` -> its div (code left alone)."""
    def sub(m):
        if m.group("code"):
            return m.group("code")
        if m.group("display") is not None:
            return f'<div class="arithmatex">\\[{m.group("display")}\\]</div>'
        return f'<span class="arithmatex">\\({m.group("inline")}\\)</span>'
    return _CELL_MATH.sub(sub, cell_html)

# The Jupyter theme's code colours and prompts fail axe's colour-contrast check; use Material's
# code colours (the ones every other page's code blocks use) inside notebook pages.
_MATERIAL_CODE = {
    "comment": "comment", "string": "string", "string-2": "string", "number": "number",
    "operator": "operator", "keyword": "keyword", "builtin": "constant", "def": "function",
    "variable": "name", "variable-2": "name", "variable-3": "name", "property": "variable",
    "attribute": "variable", "atom": "constant", "meta": "special", "qualifier": "special",
    "tag": "keyword", "bracket": "punctuation", "punctuation": "punctuation", "link": "special",
    "error": "special", "header": "generic", "quote": "comment", "hr": "comment",
}
_STYLE = (
    "<style>\n/* hooks/notebooks.py: Material's code colours and prompt colour (axe colour-contrast) */\n"
    "article.md-typeset .jupyter-wrapper {\n"
    + "".join(f"  --jp-mirror-editor-{jp}-color: var(--md-code-hl-{md}-color);\n"
              for jp, md in _MATERIAL_CODE.items())
    + "  --jp-cell-editor-background: var(--md-code-bg-color);\n"
    "  --jp-cell-inprompt-font-color: var(--md-default-fg-color--light);\n"
    "  --jp-cell-outprompt-font-color: var(--md-default-fg-color--light);\n"
    "  --jp-cell-prompt-not-active-font-color: var(--md-default-fg-color--light);\n"
    "  --jp-cell-prompt-not-active-opacity: 1;\n"
    "}\n"
    "/* Material's slate number colour is 4.45:1 on its code background; 5.1:1 here */\n"
    '[data-md-color-scheme="slate"] article.md-typeset .jupyter-wrapper {\n'
    "  --jp-mirror-editor-number-color: #ea7a6e;\n"
    "}\n"
    "article.md-typeset .jupyter-wrapper .highlight-ipynb { color: var(--md-code-fg-color); }\n"
    "</style>"
)
# Code cells and outputs scroll sideways when a line is long: make them focusable, so keyboard
# users can scroll them (axe scrollable-region-focusable), as Material does for its code blocks.
_SCROLLERS = re.compile(r'<div class="highlight-ipynb\b[^"]*"(?![^>]*tabindex)|<pre(?![^>]*tabindex)(?=[\s>])')

_DOWNLOAD_ICON = (  # Material's own "material/download" icon
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
    '<path d="M5 20h14v-2H5m14-9h-4V3H9v6H5l7 7z"/></svg>'
)


@event_priority(50)  # before mkdocs-jupyter's on_files, which claims .py pages as notebooks
def on_files(files, config):
    for path in sorted(NOTEBOOKS.glob("*.py")):
        files.append(File(PREFIX + path.name, src_dir=str(ROOT), dest_dir=config.site_dir,
                          use_directory_urls=config.use_directory_urls))
    return files


def on_config(config):
    # The notebooks' kernels inherit this environment; with MPLBACKEND set (Agg, say) matplotlib
    # would not use the inline backend, and the pages would silently lose their plots.
    os.environ.pop("MPLBACKEND", None)
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config.get("include_source"):
        raise PluginError("mkdocs.yml: hooks/notebooks.py needs the mkdocs-jupyter plugin with "
                          "`include_source: true` (the download link points to the copied source)")
    if jupyter.config.get("execute") or jupyter.config.get("cache"):
        raise PluginError("mkdocs.yml: set `execute: false` and `cache: false` for mkdocs-jupyter: "
                          "hooks/notebooks.py executes the notebooks itself (with a timeout, offline) "
                          "and caches them by content")
    return config


# mkdocs-jupyter 0.26 appends the repr of a Python list inside a <style> to a page converted from
# an .ipynb file; the executed notebook reaches it as one (tests/test_notebooks.py checks).
_LIST_STYLE = re.compile(r"\s*<style>\s*\[.*\]\s*</style>\s*$", re.S)
_RENDER_OPTIONS = ("theme", "kernel_name", "show_input", "no_input", "no_prompt", "remove_tag_config",
                   "highlight_extra_classes", "include_requirejs", "custom_mathjax_url", "toc_depth",
                   "ignore_h1_titles")
_VERSIONED = ("mkdocs-jupyter", "nbconvert", "nbclient", "ipykernel", "jupytext", "matplotlib", "numpy")


def _versions() -> str:
    return " ".join(f"{d}=={metadata.version(d)}" for d in _VERSIONED) + " " + sys.version


def render_notebook(path: Path, shown: str, options: dict) -> dict:
    """{"content", "toc_tokens", "title"} of a notebook page: executed (bounded, offline) and
    rendered by mkdocs-jupyter, or taken from the cache when nothing that shapes it changed."""
    import tempfile

    import nbformat
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    from buildrun.notebooks import NotebookError, execute

    cache = JsonCache(cache_root(ROOT) / "notebooks")
    key = content_key(path.read_bytes(), f"cell timeout {CELL_TIMEOUT}", _versions(),
                      repr(sorted((k, repr(options.get(k))) for k in _RENDER_OPTIONS)))
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        executed = execute(path, shown, timeout=CELL_TIMEOUT, kernel_name=options.get("kernel_name") or "python3")
    except NotebookError as exc:
        raise PluginError(str(exc)) from None
    with tempfile.TemporaryDirectory(prefix="notebook-page-") as tmp:
        ipynb = Path(tmp) / (path.stem + ".ipynb")
        nbformat.write(executed, str(ipynb))
        content = convert.nb2html(
            str(ipynb), execute=False, kernel_name=options.get("kernel_name", ""),
            theme=options.get("theme", ""), allow_errors=False,
            show_input=options.get("show_input", True), no_input=options.get("no_input", False),
            no_prompt=options.get("no_prompt", False), remove_tag_config=options.get("remove_tag_config", {}),
            highlight_extra_classes=options.get("highlight_extra_classes", ""),
            include_requirejs=options.get("include_requirejs", False),
            custom_mathjax_url=options.get("custom_mathjax_url", ""))
    content = _LIST_STYLE.sub("\n", content)
    toc_tokens, title = _get_nb_toc_tokens(str(path), options.get("toc_depth", 6))
    page = {"content": content, "toc_tokens": toc_tokens,
            "title": None if options.get("ignore_h1_titles") else title}
    cache.put(key, page)
    return page


@event_priority(-50)  # after mkdocs-jupyter's on_pre_page, whose render this replaces
def on_pre_page(page, config, files):
    if not page.file.src_uri.startswith(PREFIX):
        return page
    from mkdocs.structure.toc import get_toc

    options = dict(config.plugins["mkdocs-jupyter"].config)
    path = Path(page.file.abs_src_path)
    shown = PREFIX + path.name

    def render(self, config, files):
        rendered = render_notebook(path, shown, options)
        self.content = rendered["content"]
        self.toc = get_toc(rendered["toc_tokens"])
        if rendered["title"] is not None:
            self.title = rendered["title"]

    page.render = render.__get__(page, type(page))
    return page


def _alt_texts(content: str, where: str) -> str:
    out, pos = [], 0
    for m in _IMG.finditer(content):
        caption = _CAPTION.search(content, m.end())
        between = content[m.end(): caption.start()] if caption else ""
        if caption is None or "<img" in between or "jp-CodeCell" in between:
            raise PluginError(f"{where}: a plot has no caption; put a markdown cell right after "
                              "the cell that draws it, starting with 'Figure:' (it is the alt text)")
        text = " ".join(html.unescape(_TAG.sub("", caption.group(1))).split())
        text = text.removeprefix("Figure:").strip()
        if "$" in text:
            raise PluginError(f"{where}: the caption '{text[:60]}...' becomes the plot's alt text; "
                              "keep it plain text (put the math in the next paragraph)")
        attrs = _ALT.sub("", m.group("attrs"))
        out += [content[pos:m.start()], f'<img alt="{html.escape(text)}"{attrs}>']
        pos = m.end()
    return "".join(out) + content[pos:]


@event_priority(50)  # before hooks/formulas.py (priority 0), which typesets arithmatex math
def on_page_content(content, page, config, files):
    if not page.file.src_uri.startswith(PREFIX):
        return content
    where = page.file.src_uri
    content = _MATHJAX.sub("", content)
    content = _SCRIPT.sub(lambda m: "" if _REMOTE_SCRIPT.search(m.group(0)) else m.group(0), content)
    leftover = _OTHER_HOST.search(content)
    if leftover:
        raise PluginError(f"{where}: the notebook page would load something from another host: "
                          f"{leftover.group(0)[:120]}")
    content = _alt_texts(content, where)  # before the math rewrite: a caption must hold no TeX
    content = _MARKDOWN_CELL.sub(lambda m: m.group(1) + _arithmatex(m.group(2)) + m.group(3), content)
    content = _SCROLLERS.sub(lambda m: m.group(0) + ' tabindex="0"', content)

    name = html.escape(Path(page.file.abs_src_path).name)
    button = (f'<a href="{name}" download class="md-content__button md-icon" '
              f'title="Download this notebook ({name})">{_DOWNLOAD_ICON}</a>')
    footer = (f'<p class="nb-download"><a href="{name}" download>Download this notebook '
              f'({name})</a>: a plain Python file in jupytext\'s percent format. Run it with '
              '<code>python</code>, or open it as a notebook in Jupyter with jupytext.</p>')
    return button + content + footer + _STYLE


# ---------------------------------------------------------------------------------------------
# Light pages: the JupyterLab stylesheet mkdocs-jupyter inlines (~570 KB, ~85 KB gzip) styles the
# whole JupyterLab application; a static notebook page uses a small part of it. Keep only the
# rules whose selectors can match this page (every class and id they require is on the page),
# and only the custom properties those rules use (transitively). Post-processing, after every
# other change to the page's HTML.

_INLINE_STYLE = re.compile(r'(<style type="text/css">)(.*?)(</style>)', re.S)
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_ID_ATTR = re.compile(r'\bid="([^"]*)"')
_NEGATION = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_SELECTOR_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _selector_matches_page(selector: str, classes: set, ids: set) -> bool:
    required = _NEGATION.sub("", selector)   # `:not(.x)` needs no .x on the page
    return (all(c in classes for c in _SELECTOR_CLASS.findall(required))
            and all(i in ids for i in _SELECTOR_ID.findall(required)))


def _split_selectors(prelude: str) -> list[str]:
    out, depth, start = [], 0, 0
    for k, ch in enumerate(prelude):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            out.append(prelude[start:k].strip())
            start = k + 1
    out.append(prelude[start:].strip())
    return [s for s in out if s]


def _prune_rules(rules, classes: set, ids: set) -> list:
    """(kind, prelude, body) for the rules that can apply; at-rules' blocks pruned recursively."""
    import tinycss2

    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude))
                         if _selector_matches_page(s, classes, ids)]
            if selectors:
                kept.append(("rule", ", ".join(selectors), tinycss2.serialize(rule.content)))
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            if name in ("media", "supports", "container", "layer") and rule.content is not None:
                inner = _prune_rules(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                                    skip_whitespace=True), classes, ids)
                if inner:
                    kept.append(("block", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
            elif name == "keyframes" or name == "font-face":
                kept.append(("at", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}",
                             tinycss2.serialize(rule.content or [])))
            # @charset, @import, @namespace and the rest: nothing a static page needs.
    return kept


def _drop_unused_properties(sheets: list, used: set) -> None:
    """Drop custom-property declarations (`--x: ...`) that no kept rule of any of the page's
    sheets (nor `used`, the page's other uses) needs, transitively."""
    import tinycss2

    def declarations(body):
        return [d for d in tinycss2.parse_blocks_contents(body, skip_comments=True, skip_whitespace=True)
                if d.type == "declaration"]

    def walk(items):
        for item in items:
            if item[0] == "block":
                yield from walk(item[2])
            else:
                yield item
    style_rules = [item for kept in sheets for item in walk(kept) if item[0] == "rule"]
    parsed = {id(item): declarations(item[2]) for item in style_rules}
    defined = {}
    used = set(used)
    for item in style_rules:
        for d in parsed[id(item)]:
            value = tinycss2.serialize(d.value)
            if d.name.startswith("--"):
                defined.setdefault(d.name, []).append(value)
            else:
                used.update(_VAR_USE.findall(value))
    for kept in sheets:
        for item in walk(kept):
            if item[0] == "at":
                used.update(_VAR_USE.findall(item[2]))
    frontier = list(used)
    while frontier:
        name = frontier.pop()
        for value in defined.get(name, []):
            for ref in _VAR_USE.findall(value):
                if ref not in used:
                    used.add(ref)
                    frontier.append(ref)

    def rewrite(items):
        out = []
        for item in items:
            if item[0] == "block":
                inner = rewrite(item[2])
                if inner:
                    out.append(("block", item[1], inner))
                continue
            if item[0] == "rule":
                decls = [d for d in parsed[id(item)] if not d.name.startswith("--") or d.name in used]
                if not decls:
                    continue
                body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                                + ("!important" if d.important else "") for d in decls)
                item = ("rule", item[1], body)
            out.append(item)
        return out
    for kept in sheets:
        kept[:] = rewrite(kept)


def _serialize(items) -> str:
    out = []
    for kind, prelude, body in items:
        out.append(f"{prelude.strip()}{{{_serialize(body) if kind == 'block' else body.strip()}}}")
    return "\n".join(out)


def prune_stylesheets(sheets: list[str], classes: set, ids: set, used: set = frozenset()) -> list[str]:
    """The part of each stylesheet that can apply to a page with these classes and ids; custom
    properties are kept where any sheet's kept rules (or `used`) need them."""
    import tinycss2

    kept = [_prune_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), classes, ids)
            for css in sheets]
    _drop_unused_properties(kept, set(used))
    return [_serialize(k) for k in kept]


def drop_unused_css(content: str) -> str:
    """Prune the inline `<style type="text/css">` sheets (what nbconvert emits) to what the page uses."""
    page = _INLINE_STYLE.sub("", content)
    classes = {c for m in _CLASS_ATTR.finditer(page) for c in m.group(1).split()}
    ids = {m.group(1) for m in _ID_ATTR.finditer(page)}
    # Other styles of the page (our own <style>, style attributes) may use the sheets' properties.
    pruned = iter(prune_stylesheets([m.group(2) for m in _INLINE_STYLE.finditer(content)], classes, ids,
                                    set(_VAR_USE.findall(page))))
    return _INLINE_STYLE.sub(lambda m: m.group(1) + next(pruned) + m.group(3), content)


# The plots: nbconvert inlines them as base64 PNG in the HTML, so a reader downloads every plot
# (a third larger than the file) before the page shows. Write each to a file next to the page and
# load it lazily, with its size, so the page does not move when it arrives.
_INLINE_PNG = re.compile(r'<img\b(?P<before>[^>]*?)\ssrc="data:image/png;base64,(?P<data>[^"]+)"(?P<after>[^>]*)>')


def externalize_plots(output: str, page_dir: Path, stem: str = "plot") -> str:
    import base64

    count = 0

    def sub(m):
        nonlocal count
        count += 1
        png = base64.b64decode(m.group("data"))
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # IHDR
        name = f"{stem}-{count}.png"
        page_dir.mkdir(parents=True, exist_ok=True)
        (page_dir / name).write_bytes(png)
        attrs = re.sub(r'\s(?:width|height|loading|decoding)="[^"]*"', "", m.group("before") + m.group("after"))
        return (f'<img{attrs} src="{name}" width="{width}" height="{height}" loading="lazy" '
                'decoding="async">')
    return _INLINE_PNG.sub(sub, output)


@event_priority(-100)  # after hooks/formulas.py: the page's final HTML
def on_post_page(output, page, config):
    if not page.file.src_uri.startswith(PREFIX):
        return output
    page_dir = (Path(config["site_dir"]) / page.file.dest_uri).parent
    return externalize_plots(drop_unused_css(output), page_dir)
