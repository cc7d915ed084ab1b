"""The built site: it loads nothing from another host, each page carries its front matter (meta
description, tags, "Also known as"), and Material's own search worker, run in Node on the built
search index, ranks a page that carries a typed alias or tag first."""
import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

from sitemeta import FrontMatterError, load_vocabulary, validate_directory

try:
    METAS = validate_directory(ROOT / "docs", load_vocabulary(ROOT / "mkdocs.yml"), ROOT)
    FRONT_MATTER_PROBLEMS = ""
except FrontMatterError as exc:  # reported by test_front_matter_is_valid, not as a collection error
    METAS, FRONT_MATTER_PROBLEMS = [], str(exc)
# The tags index holds the listing (`<!-- material/tags -->`); Material shows no tags on it and does
# not list it, so its tags serve search only.
LISTING = {m.path for m in METAS if "<!-- material/tags" in (ROOT / m.path).read_text(encoding="utf-8")}
TAGGED = [m for m in METAS if m.path not in LISTING]


def _site_url_host() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    m = re.search(r"^site_url:\s*(\S+)", text, re.M)
    return urlsplit(m.group(1)).netloc if m else ""


OWN_HOST = _site_url_host()
OWN_PATH = urlsplit(re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                              re.M).group(1)).path or "/"


def test_front_matter_is_valid():
    assert not FRONT_MATTER_PROBLEMS, FRONT_MATTER_PROBLEMS
    assert METAS


@pytest.fixture(scope="module")
def site(strict_build) -> Path:
    return strict_build[0]


def page_html(site: Path, meta) -> str:
    rel = Path(meta.path).relative_to("docs").with_suffix("")
    path = site / "index.html" if rel.name == "index" else site / rel / "index.html"
    return path.read_text(encoding="utf-8")


def page_url(meta) -> str:
    rel = Path(meta.path).relative_to("docs").with_suffix("")
    return "" if rel.name == "index" else f"{rel.as_posix()}/"


# --- no other host -----------------------------------------------------------------------------

def is_remote(url: str) -> bool:
    url = html.unescape(url).strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:"))


def host_of(url: str) -> str:
    url = html.unescape(url).strip()
    return urlsplit(url if "://" in url else "https:" + url).netloc


class _Refs(HTMLParser):
    """Every URL an HTML page would load, and every link out, with where it was found."""

    LOADING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"),
               ("source", "src"), ("source", "srcset"), ("video", "src"), ("video", "poster"),
               ("audio", "src"), ("track", "src"), ("embed", "src"), ("object", "data"),
               ("input", "src"), ("image", "href"), ("use", "href"), ("use", "xlink:href"),
               ("image", "xlink:href"), ("form", "action")}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads, self.links, self.canonical, self.inline = [], [], [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in self.LOADING:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in name else [value]
                self.loads.extend((f"<{tag} {name}>", u) for u in urls)
            if name == "style":
                self.inline.append(value)
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if rel == ["canonical"]:
                self.canonical.append(a["href"])
            else:  # stylesheet, icon, preload, modulepreload, manifest, alternate...: all fetched
                self.loads.append((f"<link rel={' '.join(rel)}>", a["href"]))
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.loads.append(("<meta refresh>", (a.get("content") or "").split("url=")[-1]))
        self._in = tag

    def handle_data(self, data):
        if self._in in ("style", "script"):
            self.inline.append(data)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.I)


def css_loads(text: str) -> list[str]:
    return CSS_URL.findall(text) + CSS_IMPORT.findall(text)


def test_html_loads_nothing_from_another_host(site):
    bad = []
    for path in sorted(site.rglob("*.html")):
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8"))
        rel = path.relative_to(site).as_posix()
        bad += [f"{rel}: {where} {url}" for where, url in parser.loads if is_remote(url)]
        bad += [f"{rel}: inline url({url})" for text in parser.inline for url in css_loads(text) if is_remote(url)]
        bad += [f"{rel}: canonical {url}" for url in parser.canonical if is_remote(url) and host_of(url) != OWN_HOST]
        # links out are not loaded, but the site has none: every <a> stays on the site
        bad += [f"{rel}: link out <a href={url}>" for url in parser.links if is_remote(url) and host_of(url) != OWN_HOST]
    assert not bad, "\n".join(bad)


def test_css_loads_nothing_from_another_host(site):
    bad = []
    for path in sorted(site.rglob("*.css")):
        for url in css_loads(path.read_text(encoding="utf-8")):
            if is_remote(url):
                bad.append(f"{path.relative_to(site).as_posix()}: {url}")
    assert not bad, "\n".join(bad)


# Material's JavaScript mentions a few remote URLs. Each is loaded only under a condition, and the
# test checks that condition cannot occur on this site; any other remote URL fails the test.
JS_CONDITIONAL = {
    # polyfill, fetched only by browsers without ResizeObserver (every browser Material supports has it)
    r"https://unpkg\.com/resize-observer-polyfill": "resize-observer",
    # fetched only when a page contains a Mermaid diagram
    r"https://unpkg\.com/mermaid@[\d.]+/dist/mermaid\.min\.js": "mermaid",
    # repository facts, fetched only when mkdocs.yml sets repo_url (the header's source component)
    r"https://api\.github\.com/(repos|users)/": "repository",
    r"https://\$\{e\}/api/v4/projects/": "repository",
    # text of a console warning, never fetched
    r"https://bit\.ly/2s3ChXG": "message",
}

URL_IN_JS = re.compile(r"""(?:https?:)?//[A-Za-z0-9$][^\s"'`)\\]*""")
# License and documentation banners (`/*! ... */`, `/** ... */`) are comments: never fetched.
JS_BANNER = re.compile(r"/\*[!*][\s\S]*?\*/")


def loaded_scripts(site: Path) -> set[Path]:
    """The JavaScript a visitor's browser runs: every <script src> of every page, and the search worker."""
    scripts = set()
    for path in site.rglob("*.html"):
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8"))
        for where, url in parser.loads:
            if where.startswith("<script") and url.strip() and not is_remote(url):
                url = url.split("?")[0]
                if url.startswith(OWN_PATH):  # 404.html uses absolute paths under site_url
                    scripts.add((site / url[len(OWN_PATH):]).resolve())
                else:
                    scripts.add((path.parent / url).resolve())
    scripts |= {p.resolve() for p in (site / "assets" / "javascripts" / "workers").glob("*.js")}
    return scripts


def test_javascript_loads_nothing_from_another_host(site):
    scripts = loaded_scripts(site)
    assert scripts, "no scripts found"
    conditions, unknown = set(), []
    for path in sorted(scripts):
        text = JS_BANNER.sub("", path.read_text(encoding="utf-8"))
        for m in URL_IN_JS.finditer(text):
            url = m.group(0)
            if url.startswith("//") and not re.match(r"//[a-z0-9.-]+\.[a-z]{2,}/", url):
                continue  # a `//` comment or a regular expression, not a URL
            if url.startswith(("http://www.w3.org/", "//www.w3.org/")):
                continue  # XML namespace names (SVG, MathML): identifiers, never fetched
            for pattern, condition in JS_CONDITIONAL.items():
                if re.match(pattern, url):
                    conditions.add(condition)
                    break
            else:
                unknown.append(f"{path.name}: {url}")
    assert not unknown, "remote URLs in the site's JavaScript:\n" + "\n".join(unknown)

    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    if "mermaid" in conditions:
        assert not any('class="mermaid"' in p for p in pages), "a Mermaid diagram would load mermaid from unpkg"
    if "repository" in conditions:
        assert not any('data-md-component="source"' in p for p in pages), "repo_url makes Material call a repository API"
        assert not re.search(r"^repo_url:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_search_loads_no_language_scripts(site):
    # The worker imports lunr language files (same host) only for languages other than English.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]


def test_no_google_fonts_or_analytics(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager", "__analytics"):
            assert needle not in text, f"{path.relative_to(site)}: {needle}"


# --- front matter in the built pages -----------------------------------------------------------

@pytest.mark.parametrize("meta", METAS, ids=[m.path for m in METAS])
def test_page_meta_description_is_its_summary(site, meta):
    descriptions = re.findall(r'<meta name="description" content="([^"]*)"', page_html(site, meta))
    assert [html.unescape(d) for d in descriptions] == [meta.summary]


@pytest.mark.parametrize("meta", METAS, ids=[m.path for m in METAS])
def test_page_shows_aliases(site, meta):
    text = page_html(site, meta)
    line = re.search(r'<p class="md-aliases"><strong>Also known as:</strong> (.*?)</p>', text)
    assert line, "no Also known as line"
    assert line.group(1) == ", ".join(html.escape(a) for a in meta.aliases)
    assert text.index("<h1") < line.start(), "the aliases line is not under the title"


@pytest.mark.parametrize("meta", TAGGED, ids=[m.path for m in TAGGED])
def test_page_shows_its_tags_at_the_top(site, meta):
    text = page_html(site, meta)
    header = re.search(r'<nav class="md-tags"[^>]*>(.*?)</nav>', text, re.S)
    assert header, "no tags shown"
    tags = re.findall(r'<a href="[^"]*tags/#tag:[^"]*" class="md-tag">\s*([^<]+?)\s*</a>', header.group(1))
    assert sorted(tags) == sorted(meta.tags)
    assert text.index('<nav class="md-tags"') < text.index("<h1"), "tags are not at the top of the page"


def test_tags_index_lists_each_page_under_each_of_its_tags(site):
    text = (site / "tags" / "index.html").read_text(encoding="utf-8")
    sections = re.split(r'<h2 id="tag:', text)[1:]
    listed = {}
    for section in sections:
        tag = section.split('"', 1)[0]
        links = re.findall(r'<a href="([^"#]*)"', section.split("</ul>", 1)[0])
        listed[tag] = {link.rstrip("/") for link in links}
    assert LISTING == {"docs/tags.md"}
    for meta in TAGGED:
        url = ("../" + page_url(meta)).rstrip("/")
        for tag in meta.tags:
            assert url in listed.get(tag, set()), f"{meta.path} not listed under {tag}"


# --- search: every alias and every tag finds its page first -------------------------------------

QUERY_JS = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const [site, queriesFile] = process.argv.slice(2);
const dir = path.join(site, "assets", "javascripts", "workers");
// The worker the site's pages start (its path is in Material's __config in every page).
const config = JSON.parse(/<script id="__config" type="application\/json">(.*?)<\/script>/s
  .exec(fs.readFileSync(path.join(site, "index.html"), "utf8"))[1]);
const worker = path.basename(config.search);
let handler = null; const out = [];
globalThis.self = globalThis;
globalThis.addEventListener = (type, fn) => { if (type === "message") handler = fn; };
globalThis.postMessage = msg => out.push(msg);
globalThis.importScripts = (...urls) => urls.forEach(u => vm.runInThisContext(fs.readFileSync(path.join(dir, u), "utf8")));
vm.runInThisContext(fs.readFileSync(path.join(dir, worker), "utf8"));
const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
(async () => {
  await handler({ data: { type: 0, data: { ...index, options: { suggest: true } } } });  // SETUP
  const result = {};
  for (const q of JSON.parse(fs.readFileSync(queriesFile, "utf8"))) {
    out.length = 0;
    await handler({ data: { type: 2, data: q } });                                      // QUERY
    result[q] = out[out.length - 1].data.items.map(group => group.map(item => item.location));
  }
  process.stdout.write(JSON.stringify(result));
})();
"""


def node_executable() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node:
        return node
    from playwright._impl._driver import compute_driver_executable  # Playwright ships Node
    return str(compute_driver_executable()[0])


@pytest.fixture(scope="module")
def search(site, tmp_path_factory):
    """Query the built site's search with Material's own worker (lunr and all), in Node."""
    work = tmp_path_factory.mktemp("search")
    (work / "query.js").write_text(QUERY_JS, encoding="utf-8")

    def run(queries):
        (work / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
        result = subprocess.run([node_executable(), str(work / "query.js"), str(site), str(work / "queries.json")],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)
    return run


def first_page(groups) -> str:
    # Material renders each result group as its page (the article) followed by matching sections.
    assert groups, "no results"
    return groups[0][0].split("#")[0]


def test_search_index_carries_aliases(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "aliases" in index["config"]["fields"]
    entries = {d["location"]: d for d in index["docs"]}
    for meta in METAS:
        assert entries[page_url(meta)].get("aliases") == list(meta.aliases), meta.path
        assert sorted(entries[page_url(meta)].get("tags", [])) == sorted(meta.tags), meta.path


def test_search_index_holds_no_tex_source(site):
    # formulas are indexed as their typeset MathML text, not as their LaTeX source as well
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    prose = {d["location"]: re.sub(r"<code>.*?</code>", "", d["text"], flags=re.S) for d in index["docs"]}
    leaks = [f"{where}: ...{m.group(0)}..." for where, text in prose.items()  # TeX shown as code is fine
             for m in [re.search(r".{0,30}\\(frac|partial|operatorname|mathbb|nabla|left|hat)\b.{0,30}", text)] if m]
    assert not leaks, "\n".join(leaks[:20])
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert not any("data-search-exclude" in p for p in pages), "search markers left in the pages"
    assert any('<annotation encoding="application/x-tex">' in p for p in pages), "formulas lost their TeX annotation"


def test_every_alias_finds_its_page_first(search):
    owner = {a: page_url(m) for m in METAS for a in m.aliases}
    results = search(sorted(owner))
    wrong = {q: (first_page(results[q]), owner[q]) for q in owner if first_page(results[q]) != owner[q]}
    assert not wrong, "alias -> (first result, expected page): " + json.dumps(wrong, indent=1)


def test_every_tag_finds_a_page_carrying_it_first(search):
    carries = {page_url(m): set(m.tags) for m in METAS}
    tags = sorted({t for m in METAS for t in m.tags})
    results = search(tags)
    wrong = {t: first_page(results[t]) for t in tags if t not in carries.get(first_page(results[t]), set())}
    assert not wrong, "tag -> first result, which does not carry it: " + json.dumps(wrong, indent=1)


def test_search_is_case_insensitive_for_aliases(search):
    results = search(["JACOBIAN", "Normal Equations", "Backpropagation"])
    assert first_page(results["JACOBIAN"]) == "vector-derivatives/"
    assert first_page(results["Normal Equations"]) == "least-squares/"
    assert first_page(results["Backpropagation"]) == "chain-rule/"
