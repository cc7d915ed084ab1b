"""What the browser tests (and bench/run.py) share: the built site, its source pages, a reader
that visits pages in Chromium, Material's search as a reader types into it, axe-core."""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM = Path(os.environ.get("MATCALC_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
README_SCREENSHOT = DOCS / "assets" / "screenshot.png"
VIEWPORT = {"width": 1280, "height": 800}
LOCAL_HOSTS = {"127.0.0.1"}
HOW_TO_ENABLE = (
    "to run them install Debian's Chromium (`apt-get install chromium`, giving /usr/bin/chromium, "
    "or point MATCALC_CHROMIUM at a Chromium) and Playwright (`pip install -r requirements.txt`); "
    "Playwright must not download a browser of its own"
)


def why_no_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright (Python) is not installed"
    if not CHROMIUM.is_file():
        return f"there is no Chromium at {CHROMIUM}"
    return None


# ---------------------------------------------------------------------------------------------
# Source pages (front matter)


@dataclass
class SourcePage:
    src: str                      # path under docs/, e.g. "gradients.md"
    url: str                      # site path, e.g. "/gradients/"
    meta: dict
    body: str                     # Markdown without front matter

    @property
    def aliases(self) -> list[str]:
        return [str(a) for a in (self.meta.get("aliases") or [])]

    @property
    def tags(self) -> list[str]:
        return [str(t) for t in (self.meta.get("tags") or [])]

    @property
    def prose(self) -> str:
        """The Markdown without fenced code blocks and inline code spans."""
        text = re.sub(r"(?ms)^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", "", self.body)
        return re.sub(r"(`+)(?!`).+?(?<!`)\1", "", text)

    @property
    def has_math(self) -> bool:
        return bool(re.search(r"(?<!\\)\$|\\\(|\\\[|\\begin\{", self.prose))

    @property
    def has_code(self) -> bool:
        return bool(re.search(r"(?m)^[ \t]*(`{3,}|~{3,})|--8<--", self.body))

    @property
    def is_tags_index(self) -> bool:
        return "<!-- material/tags" in self.body or "[TAGS]" in self.body


def split_front_matter(text: str) -> tuple[dict, str]:
    import yaml

    m = re.match(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.S)
    if not m:
        return {}, text
    meta = yaml.safe_load(m.group(1)) or {}
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def url_of(src: str) -> str:
    """MkDocs' directory URL for a Markdown source (use_directory_urls, the default)."""
    path = src[: -len(".md")]
    parent, _, name = path.rpartition("/")
    if name in ("index", "README"):
        return "/" + (parent + "/" if parent else "")
    return "/" + path + "/"


def source_pages() -> list[SourcePage]:
    pages = []
    for md in sorted(DOCS.rglob("*.md")):
        src = md.relative_to(DOCS).as_posix()
        meta, body = split_front_matter(md.read_text(encoding="utf-8"))
        pages.append(SourcePage(src, url_of(src), meta, body))
    return pages


# ---------------------------------------------------------------------------------------------
# The built site, served on 127.0.0.1


def build(site_dir: Path, config: Path | None = None, timeout: int = 600) -> float:
    """`mkdocs build --strict`; return seconds; raise RuntimeError with MkDocs' output on failure."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        cmd += ["--config-file", str(config)]
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError("mkdocs build --strict failed:\n" + result.stdout + result.stderr)
    return seconds


def sitemap_paths(site_dir: Path) -> list[str]:
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    paths = [urlparse(e.text.strip()).path or "/" for e in root.findall("sm:url/sm:loc", ns)]
    # The home page is site_url itself, so the paths' common prefix is site_url's path.
    prefix = os.path.commonprefix(paths)
    prefix = prefix[: prefix.rfind("/") + 1]
    return sorted({"/" + p[len(prefix):] for p in paths}, key=lambda p: (p != "/", p))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """http.server on 127.0.0.1, a free port, in a daemon thread."""

    def __init__(self, directory: Path):
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class Site:
    dir: Path
    base: str                                  # "http://127.0.0.1:PORT"
    pages: list[str]                           # site paths from sitemap.xml, e.g. ["/", "/gradients/"]
    sources: dict[str, SourcePage]             # site path -> its Markdown source (Markdown pages only)
    build_seconds: float = 0.0

    def url(self, path: str) -> str:
        return urljoin(self.base + "/", path.lstrip("/"))

    def path_of(self, href: str) -> str:
        """Site path of a link (query and fragment dropped)."""
        return urlparse(urljoin(self.base + "/", href)).path


# ---------------------------------------------------------------------------------------------
# A reader in Chromium

# Text that a reader sees outside code (pre, code, kbd, samp) and outside typeset math (MathML's
# own text, e.g. the ^ of a hat accent, is not TeX).
VISIBLE_TEXT_JS = """() => {
  const style = document.createElement('style');
  style.textContent = 'pre, code, kbd, samp, math { display: none !important; }';
  document.head.appendChild(style);
  const text = document.body.innerText;
  style.remove();
  return text;
}"""

MATH_FACTS_JS = """() => {
  const maths = [...document.querySelectorAll('article math')];
  return {
    count: maths.length,
    not_mathml: maths.filter(m => !getComputedStyle(m).display.includes('math')).length,
    errors: document.querySelectorAll('article merror, article .katex-error').length,
    untouched: [...document.querySelectorAll('article .arithmatex')].map(e => e.textContent.slice(0, 80)),
  };
}"""

# Material 9.8 puts a copy button in a nav inside each pre; older versions used button.md-clipboard.
COPY_BUTTON = "button.md-code__button[data-md-type='copy'], button.md-clipboard"

CODE_FACTS_JS = """() => [...document.querySelectorAll('article pre > code')].map((code, i) => {
  const button = code.parentElement.querySelector(COPY_BUTTON);
  return {
    index: i,
    text: code.textContent.slice(0, 60),
    copy_button: !!button,
    button_name: button ? (button.getAttribute('aria-label') || button.getAttribute('title') || '') : '',
  };
})""".replace("COPY_BUTTON", json.dumps(COPY_BUTTON))


# Switch the page to Material's dark scheme the way its palette toggle does (the body's
# data-md-color-* attributes from the dark option), with transitions off so colours are final.
DARK_SCHEME_JS = """() => {
  const dark = document.querySelector('form[data-md-component="palette"] input[data-md-color-scheme="slate"]');
  if (!dark) return false;
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; }';
  document.head.appendChild(style);
  for (const key of ['scheme', 'primary', 'accent']) {
    const value = dark.getAttribute('data-md-color-' + key);
    if (value) document.body.setAttribute('data-md-color-' + key, value);
  }
  return true;
}"""


@dataclass
class Visit:
    path: str
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    text: str = ""
    math: dict = field(default_factory=dict)
    code: list[dict] = field(default_factory=list)
    axe: list[dict] = field(default_factory=list)
    axe_dark: list[dict] | None = None          # None: the site has no dark scheme
    screenshot: Path | None = None
    error: str | None = None


def slug(path: str) -> str:
    return path.strip("/").replace("/", "__") or "index"


class Reader:
    """Visits pages in one browser context and keeps what it saw. Every request that would leave
    127.0.0.1 is recorded (with the page that made it) and aborted, so no test depends on, or
    talks to, the outside world."""

    def __init__(self, browser, site: Site, screenshots: Path | None = ARTIFACTS):
        self.browser = browser
        self.site = site
        self.outside: list[tuple[str, str]] = []      # (page it came from, URL)
        self._tabs: dict = {}                         # Page -> site path
        self._visits: dict[str, Visit] = {}
        self._visit_tab = None                        # one tab, reused for every visit
        self._visiting: Visit | None = None
        self.screenshots = screenshots
        if screenshots:
            screenshots.mkdir(parents=True, exist_ok=True)
        self.context = self.new_context()

    def new_context(self, **options):
        options = {"viewport": VIEWPORT, "service_workers": "block", **options}
        context = self.browser.new_context(**options)
        context.route("**/*", self._route)
        return context

    def _route(self, route, request):
        if urlparse(request.url).hostname in LOCAL_HOSTS:
            route.continue_()
            return
        try:
            origin = self._tabs.get(request.frame.page, "(another page)")
        except Exception:  # requests from workers have no frame
            origin = "(a worker)"
        self.outside.append((origin, request.url))
        route.abort("blockedbyclient")

    def tab(self, path: str, errors: list[str] | None = None, failed: list[str] | None = None,
            context=None):
        """A new tab, listening, on its way to `path` (navigation committed, not yet loaded)."""
        page = (context or self.context).new_page()
        self._tabs[page] = path
        if errors is not None:
            page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
            page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
        if failed is not None:
            page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
        page.goto(self.site.url(path), wait_until="commit")
        return page

    @staticmethod
    def ready(page):
        """Loaded, fonts ready. (The search index is not: it loads when a reader turns to search;
        `search` and `wait_for_search_index` do that.)"""
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")

    def open(self, path: str, errors: list[str] | None = None, failed: list[str] | None = None,
             context=None):
        """A new tab showing `path`, ready: loaded, fonts ready."""
        page = self.tab(path, errors, failed, context)
        self.ready(page)
        return page

    def visit(self, path: str) -> Visit:
        """Visit `path` once (cached): screenshot, facts, axe in the light scheme, then axe's colour
        rules in the dark scheme. One tab is reused for every visit."""
        if path in self._visits:
            return self._visits[path]
        v = self._visits[path] = Visit(path)
        if self._visit_tab is None:
            tab = self._visit_tab = self.context.new_page()
            tab.on("console", lambda m: m.type == "error" and self._visiting
                   and self._visiting.console_errors.append(f"console: {m.text}"))
            tab.on("pageerror", lambda e: self._visiting
                   and self._visiting.console_errors.append(f"uncaught: {e}"))
            tab.on("response", lambda r: r.status >= 400 and self._visiting
                   and self._visiting.failed_responses.append(f"{r.status} {r.url}"))
        page = self._visit_tab
        self._visiting, self._tabs[page] = v, path
        try:
            page.goto(self.site.url(path), wait_until="load")
            self.ready(page)
            if self.screenshots:
                v.screenshot = self.screenshots / f"{slug(path)}.png"
                page.screenshot(path=str(v.screenshot), full_page=True)
            v.math = page.evaluate(MATH_FACTS_JS)
            v.code = page.evaluate(CODE_FACTS_JS)
            v.text = page.evaluate(VISIBLE_TEXT_JS)
            v.axe = axe_violations(page)
            if page.evaluate(DARK_SCHEME_JS):
                if self.screenshots and path == "/":
                    page.screenshot(path=str(self.screenshots / "index-dark.png"))
                # Header, navigation and footer are the same on every page: checked in full on the
                # home page, elsewhere the content only. MathML takes its colour from the text
                # around it (checked), so its many token elements are left out here.
                context = {"exclude": [["math"]]} if path == "/" else \
                    {"include": [[".md-content"]], "exclude": [["math"]]}
                v.axe_dark = axe_violations(page, rules=COLOUR_RULES, context=context)
        except Exception as exc:  # a page that cannot be visited fails every test, by name
            v.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._visiting = None
            v.outside_requests = [url for origin, url in self.outside if origin == path]
        return v

    def visit_all(self) -> list[Visit]:
        return [self.visit(p) for p in self.site.pages]

    def close(self):
        self.context.close()


# The rules that depend on colours, run again in the dark scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def _axe_options(rules: list[str] | None) -> dict:
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return options


def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT  # axe-core, as axe-playwright-python ships it

    return AXE_SCRIPT


def start_axe(page, rules: list[str] | None = None, context: str | dict | None = None):
    """Start axe-core in the page (on the whole document, or on an axe context: a CSS selector or
    {"include": [...], "exclude": [...]}) and return at once (see finish_axe)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_script())
    page.evaluate("""([context, options]) => { window.__axe = null;
        axe.run(context || document, options).then(r => { window.__axe = r.violations; },
                                                   e => { window.__axe = {error: String(e)}; }); }""",
                  [context, _axe_options(rules)])


def finish_axe(page, impacts=("serious", "critical"), timeout_ms: int = 60_000) -> list[dict]:
    page.wait_for_function("window.__axe !== null", timeout=timeout_ms)
    violations = page.evaluate("window.__axe")
    if isinstance(violations, dict):
        raise RuntimeError(f"axe-core failed: {violations['error']}")
    return [v for v in violations if v.get("impact") in impacts]


NO_TRANSITIONS_JS = """() => new Promise(done => {
  if (!document.getElementById('__no_transitions')) {
    const style = document.createElement('style');
    style.id = '__no_transitions';
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.appendChild(style);
  }
  requestAnimationFrame(() => requestAnimationFrame(done));
})"""


def axe_violations(page, impacts=("serious", "critical"), rules: list[str] | None = None,
                   context: str | dict | None = None) -> list[dict]:
    """axe-core (the copy bundled with axe-playwright-python) on the page as it is now, with
    transitions finished (a fading element's colours are not its colours): every rule, or only
    `rules`; the serious and critical violations."""
    page.evaluate(NO_TRANSITIONS_JS)
    start_axe(page, rules, context)
    return finish_axe(page, impacts)


def describe_axe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"]][:5]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "; ".join(lines)


# ---------------------------------------------------------------------------------------------
# Material's search, as a reader types into it

META = "document.querySelector('.md-search-result__meta')"


def turn_to_search(page):
    """Move the pointer over the search box (on a phone, the header button that opens it), as a
    reader does before searching: the site fetches its search index then, not with the page
    (overrides/assets/javascripts/search-index-on-demand.js)."""
    box = page.locator("input.md-search__input")
    page.hover("input.md-search__input" if box.is_visible() else "label.md-header__button[for='__search']")


def wait_for_search_index(page, timeout_ms: int = 10_000):
    """Turn to search and wait until Material's worker has the index."""
    if page.locator(".md-search-result__meta").count():
        turn_to_search(page)
        page.wait_for_function(f"() => !/Initializing/i.test({META}.textContent)", timeout=timeout_ms)


def wait_for_results(page, query: str = "", settle_ms: int = 120, timeout_s: float = 8.0) -> list[str]:
    """Results come from a web worker after each keystroke: wait until they stop changing and
    return the result links (hrefs), best first."""
    deadline = time.monotonic() + timeout_s
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        snap = page.evaluate(f"""() => [{META}.textContent.trim(),
            [...document.querySelectorAll('.md-search-result__link')].map(a => a.getAttribute('href'))]""")
        if snap != last:
            last, stable_since = snap, time.monotonic()
        elif re.search("match", snap[0], re.I) and time.monotonic() - stable_since >= settle_ms / 1000:
            return snap[1]
        time.sleep(0.03)
    raise AssertionError(f"search for {query!r} did not settle; last state: {last}")


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box (as keystrokes: Material searches on key events);
    return the result links, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    if not box.evaluate("e => e === document.activeElement"):
        box.click()
    # Material searches on key events, not on `input`: empty the box and press Backspace (results
    # reset), put in all but the last character, then type that one. So exactly one search runs
    # after the reset, and the first results shown are the answer to the whole query.
    # (test_search_works_from_the_keyboard_alone types every character.)
    box.fill("")
    box.press("Backspace")
    page.wait_for_function(f"() => !/match/i.test({META}.textContent)")
    box.fill(query[:-1])
    box.press(query[-1])
    return wait_for_results(page, query, settle_ms=0)


def copy_readme_screenshot(src: Path):
    """Replace docs/assets/screenshot.png (the README's picture) only when asked to
    (MATCALC_UPDATE_SCREENSHOT=1), reduced to 128 colours to keep the repository small."""
    if os.environ.get("MATCALC_UPDATE_SCREENSHOT") != "1":
        return
    README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    try:
        from PIL import Image
    except ImportError:
        shutil.copyfile(src, README_SCREENSHOT)
        return
    image = Image.open(src).convert("RGB")
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        README_SCREENSHOT, optimize=True)
