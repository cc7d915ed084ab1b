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
from pathlib import Path

import sys
from importlib import metadata

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PREFIX = "notebooks/"
sys.path.insert(0, str(ROOT))
from buildrun import CELL_TIMEOUT  # noqa: E402
from buildrun.cache import JsonCache, cache_root, content_key  # noqa: E402

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
    import nbformat
    import tempfile
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
