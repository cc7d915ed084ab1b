"""The worked examples in notebooks/ (jupytext percent-format .py files).

- Each notebook runs as a plain script (`python notebooks/<name>.py`) without error: the asserts in
  its cells are its checks.
- The strict build renders each one as a page (executed by mkdocs-jupyter): at least one embedded
  PNG plot with its caption as alt text, cell outputs present, a download link to the source (copied
  next to the page, identical), no raw TeX, and nothing loaded from another host.
- hooks/notebooks.py executes the notebooks (mkdocs-jupyter only renders): a notebook whose cell
  raises fails its render naming file, cell and line (tests/test_bad_input.py: through the build).
- hooks/notebooks.py on synthetic nbconvert HTML: CDN scripts removed, captions become alt text,
  a plot without a caption, TeX in a markdown cell and a leftover remote resource fail the build.
"""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))
IDS = [p.name for p in NOTEBOOKS]


def _env():
    # MPLBACKEND=Agg for the scripts; the build gets it too, and hooks/notebooks.py must undo it
    # for the kernels (or the pages lose their plots: test_page_has_an_embedded_plot_with_alt_text).
    env = dict(os.environ, MPLBACKEND="Agg", NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    return env


def test_there_are_notebooks():
    names = {p.stem for p in NOTEBOOKS}
    assert {"least-squares-gradient-descent", "gradient-checking", "bayesian-linear-regression"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_as_a_script(path):
    proc = subprocess.run([sys.executable, str(path.relative_to(ROOT))], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"python {path.relative_to(ROOT)} failed:\n{proc.stdout}{proc.stderr}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_jupytext_percent_format(path):
    text = path.read_text(encoding="utf-8")
    assert "format_name: percent" in text and "# %%" in text, f"{path.name}: not jupytext percent format"
    assert re.search(r"^# %% \[markdown\]\n# # ", text, re.M), f"{path.name}: no H1 title cell"


# --- the built site -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(strict_build) -> Path:
    return strict_build[0]  # built with MPLBACKEND=Agg, like _env()


def _page(site: Path, path: Path) -> str:
    page = site / "notebooks" / path.stem / "index.html"
    assert page.is_file(), f"{path.name}: no page at notebooks/{path.stem}/ (is it in the nav?)"
    return page.read_text(encoding="utf-8")


# hooks/notebooks.py writes each plot next to its page and loads it lazily, with its size.
_PLOT = re.compile(r'<img\b[^>]*\bsrc="(plot-\d+\.png)"[^>]*>')
_TAG = re.compile(r"<[^>]+>")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_page_has_an_embedded_plot_with_alt_text(site, path):
    html = _page(site, path)
    plots = [m.group(0) for m in _PLOT.finditer(html)]
    assert plots, f"{path.name}: no PNG plot on its page"
    assert "data:image/png" not in html, f"{path.name}: a plot is still inlined in the HTML"
    for m in _PLOT.finditer(html):
        png = (site / "notebooks" / path.stem / m.group(1)).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000, f"{path.name}: {m.group(1)} is not a plot"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert f'width="{width}"' in m.group(0) and f'height="{height}"' in m.group(0)
        assert 'loading="lazy"' in m.group(0)
    for img in plots:
        alt = re.search(r'\balt="([^"]*)"', img)
        assert alt and len(alt.group(1)) > 20, f"{path.name}: a plot without a real alt text"
        assert "No description has been provided" not in alt.group(1)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_page_was_executed(site, path):
    html = _page(site, path)
    assert "jp-OutputArea-output" in html, f"{path.name}: no cell outputs (not executed?)"
    assert re.search(r'jp-InputPrompt[^>]*>In\xa0\[1\]:|jp-InputPrompt[^>]*>In \[1\]:|In&nbsp;\[1\]:', html), \
        f"{path.name}: the first code cell has no execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_page_links_its_source(site, path):
    html = _page(site, path)
    assert f'href="{path.name}" download' in html, f"{path.name}: no download link"
    copied = site / "notebooks" / path.stem / path.name
    assert copied.is_file() and copied.read_bytes() == path.read_bytes()


_REMOTE = re.compile(
    r"<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*"
    r"[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//|@import\s+[\"'](?:https?:)?//|import\([\"']https?:",
    re.I)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_page_loads_nothing_from_another_host(site, path):
    html = re.sub(r'<link rel="canonical"[^>]*>', "", _page(site, path))  # a URL, not a request
    assert not _REMOTE.search(html), _REMOTE.search(html).group(0)
    for word in ("cdnjs", "cdn.jsdelivr", "unpkg.com", "text/x-mathjax-config", "latest.js?config",
                 "require.min.js", "mermaid.esm"):
        assert word not in html.lower(), f"{path.name}: still carries {word}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_page_shows_no_raw_tex(site, path):
    html = _page(site, path)
    main = html[html.find('<div class="jupyter-wrapper">'):]
    # MathML's <annotation> keeps the TeX source for copy and assistive tools; browsers do not show it.
    text = _TAG.sub(" ", re.sub(r"<(pre|code|script|style|annotation)\b.*?</\1>", " ", main, flags=re.S))
    assert not re.search(r"\$[^$\s][^$]*\$|\\(frac|sum|mathbf|operatorname)\b", text), \
        f"{path.name}: raw TeX in the page text"


def test_every_notebook_is_in_the_nav():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in config, f"{path.name} is not in the mkdocs.yml nav"


# --- an error in a notebook fails the build ---------------------------------------------------------

class _AnyTagLoader(yaml.SafeLoader):
    pass


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _jupyter_options() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "mkdocs-jupyter" in plugin:
            return plugin["mkdocs-jupyter"] or {}
    pytest.fail("mkdocs.yml: no mkdocs-jupyter plugin")


def test_site_options_leave_execution_to_the_hook():
    # hooks/notebooks.py executes the notebooks (bounded, offline, cached); mkdocs-jupyter renders.
    options = _jupyter_options()
    assert options.get("execute") is False and options.get("cache") is False
    assert options.get("allow_errors") is False
    assert options.get("include_source") is True and options.get("include_requirejs", False) is False


def test_the_hook_refuses_mkdocs_jupyter_executing_itself():
    plugin = SimpleNamespace(config={"include_source": True, "execute": True, "cache": False})
    config = SimpleNamespace(plugins={"mkdocs-jupyter": plugin})
    with pytest.raises(PluginError, match="execute: false"):
        _hook().on_config(config)


def test_a_failing_notebook_fails_its_render(tmp_path, monkeypatch):
    """The hook's render of a notebook whose cell raises is a PluginError naming file, cell, line."""
    monkeypatch.setenv("MATCALC_CACHE_DIR", str(tmp_path / "cache"))
    broken = tmp_path / "broken.py"
    broken.write_text("# %% [markdown]\n# # Broken\n\n# %%\nprint('before')\n\n# %%\nx = 1\n"
                      "raise RuntimeError('cell error')\n")
    with pytest.raises(PluginError) as err:
        _hook().render_notebook(broken, "notebooks/broken.py", _jupyter_options())
    message = str(err.value)
    assert message.startswith("notebooks/broken.py:9: cell 3 (code cell 2) raised RuntimeError: cell error")
    assert "\x1b[" not in message and len(message.splitlines()) <= 4, message
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").rglob("*.json"))


def test_notebook_pages_carry_no_stray_style_list(site):
    # mkdocs-jupyter appends `<style>['...']</style>` to pages converted from .ipynb: removed.
    for path in NOTEBOOKS:
        assert not re.search(r"<style>\s*\['", _page(site, path)), path.name


# --- hooks/notebooks.py on synthetic pages ----------------------------------------------------------

def _hook():
    spec = importlib.util.spec_from_file_location("notebooks_hook", ROOT / "hooks" / "notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_MD = '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput" data-mime-type="text/markdown">'


def _nb_page():
    return SimpleNamespace(file=SimpleNamespace(src_uri="notebooks/x.py",
                                                abs_src_path=str(ROOT / "notebooks" / "x.py")))


def _render(body: str) -> str:
    return _hook().on_page_content(body, page=_nb_page(), config=None, files=None)


IMG = '<div class="jp-RenderedImage"><img alt="No description has been provided for this image" class="" src="data:image/png;base64,AAAA"></div>'
CAPTION = f'<div class="jp-Cell jp-MarkdownCell">{_MD}\n<p>Figure: a V-shaped curve of error against step size.</p>\n</div></div>'


def test_hook_strips_cdn_scripts_and_sets_alt_text():
    cdn = ('<!-- Load mathjax -->\n<script src=""> </script>\n<script type="text/x-mathjax-config">x</script>\n'
           '<!-- End of mathjax configuration -->\n<script type="module">import("https://cdnjs.example/m.mjs")</script>\n'
           '<script>document.addEventListener("clipboard-copy", f)</script>')
    code = '<div class="highlight-ipynb hl-python"><pre><span></span>x = 1</pre></div>'
    out = _render(cdn + code + IMG + CAPTION)
    assert "mathjax" not in out and "cdnjs" not in out and "clipboard-copy" in out
    # Scrolling code is focusable, and code uses Material's colours (axe, tests/browser).
    assert '<div class="highlight-ipynb hl-python" tabindex="0"><pre tabindex="0">' in out
    assert "--jp-mirror-editor-comment-color: var(--md-code-hl-comment-color)" in out
    assert 'alt="a V-shaped curve of error against step size."' in out
    assert 'href="x.py" download' in out


@pytest.mark.parametrize("body, message", [
    (IMG, "no caption"),
    (IMG + f'<div class="jp-Cell jp-MarkdownCell">{_MD}\n<p>Figure: error like $1/h$.</p>\n</div></div>', "plain text"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', "another host"),
], ids=["plot-without-caption", "math-in-caption", "remote-css"])
def test_hook_fails_the_build_on(body, message):
    with pytest.raises(PluginError, match=message):
        _render(body)


def test_hook_hands_markdown_cell_tex_to_the_formula_checker():
    # nbconvert leaves math as literal text; the hook gives it arithmatex's shape, which
    # hooks/formulas.py checks (matcheck reads the notebook's Markdown cells) and typesets.
    out = _render(f'{_MD}\n<p>The loss $L(w) := \\|y - Xw\\|^2$ and <code>$x$</code>.</p>\n</div>')
    assert '<span class="arithmatex">\\(L(w) := \\|y - Xw\\|^2\\)</span>' in out
    assert "<code>$x$</code>" in out


def test_hook_leaves_other_pages_alone():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md", abs_src_path=str(ROOT / "docs" / "index.md")))
    body = '<p>$x$</p><script src="https://example.org/x.js"></script>'
    assert _hook().on_page_content(body, page=page, config=None, files=None) == body


def test_unused_jupyterlab_css_is_dropped_and_the_rest_kept():
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "notebooks_hook", Path(__file__).resolve().parent.parent / "hooks" / "notebooks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    prune_stylesheets = hook.prune_stylesheets

    sheet = (".jp-Cell{color:var(--jp-a)}.jp-Unused{color:red}.jp-Cell:not(.jp-Absent) p{margin:0}"
             ".jupyter-wrapper{--jp-a:var(--jp-b);--jp-b:blue;--jp-c:green}"
             "@media print{.jp-Unused{x:y}.jp-Cell{break-inside:avoid}}@import url(x.css);")
    (out,) = prune_stylesheets([sheet], {"jp-Cell", "jupyter-wrapper"}, set())
    assert ".jp-Unused" not in out and "@import" not in out and "--jp-c" not in out
    assert ".jp-Cell{color:var(--jp-a)}" in out and ".jp-Cell:not(.jp-Absent) p{margin:0}" in out
    assert "--jp-a:var(--jp-b)" in out and "--jp-b:blue" in out   # used, transitively
    assert "@media print{.jp-Cell{break-inside:avoid}}" in out


def test_notebook_pages_carry_a_fraction_of_the_jupyterlab_css(site):
    import gzip
    for path in NOTEBOOKS:
        html = _page(site, path)
        assert len(gzip.compress(html.encode())) < 40_000, f"{path.name}: page HTML over 40 KB gzip"
        assert "--md-red-50" not in html   # the JupyterLab palette nothing on the page uses
