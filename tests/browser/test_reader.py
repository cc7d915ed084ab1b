"""The built site in Chromium, as a reader uses it.

Pages come from the build's sitemap.xml; aliases and tags from the pages' front matter. Each test
covers every page (or every alias, tag, code block) and names all that fail, not just the first.
"""
from __future__ import annotations

import re

import pytest
from harness import (
    ARTIFACTS,
    COLOUR_RULES,
    COPY_BUTTON,
    DARK_SCHEME_JS,
    axe_violations,
    copy_readme_screenshot,
    describe_axe,
    search,
    source_pages,
    wait_for_results,
)

SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"

# What TeX looks like when it escaped rendering (checked outside pre/code/kbd/samp).
RAW_TEX = [
    (re.compile(r"\$"), "a dollar sign"),
    (re.compile(r"\\[A-Za-z]+"), "a TeX command"),
    (re.compile(r"\\[()\[\]{}]"), "a TeX delimiter"),
    (re.compile(r"\^(?:\{|\\|[A-Za-z0-9])"), "a TeX superscript such as ^T"),
    (re.compile(r"_\{"), "a TeX subscript"),
]
# Search previews show formulas as flattened MathML text, where a hat accent is a plain "^"
# (y-hat sub i reads "y^i"): there, only what cannot come from MathML counts as TeX.
RAW_TEX_IN_PREVIEWS = [p for p in RAW_TEX if "superscript" not in p[1]] + [
    (re.compile(r"\^\{"), "a TeX superscript with braces"),
]


def _fail_if(problems: list[str], what: str):
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems), pytrace=False)


def _unvisitable(visits) -> list[str]:
    return [f"{v.path}: could not be visited: {v.error}" for v in visits if v.error]


# ---------------------------------------------------------------------------------------------


def test_pages_are_discovered_from_the_build(site):
    assert site.pages and site.pages[0] == "/", f"sitemap.xml lists no home page: {site.pages}"
    missing = [f"docs/{s.src} -> {s.url}" for s in source_pages()
               if not (site.dir / s.url.lstrip("/") / "index.html").is_file()]
    _fail_if(missing, "Markdown pages with no built page")
    not_in_sitemap = [s for s in site.sources if s not in site.pages]
    _fail_if(not_in_sitemap, "built pages missing from sitemap.xml")


def test_every_page_has_its_math_typeset(site, visits):
    problems = _unvisitable(visits)
    for v in visits:
        if v.error:
            continue
        src = site.sources.get(v.path)
        m = v.math
        if src is not None and src.has_math and m["count"] == 0:
            problems.append(f"{v.path}: docs/{src.src} has math but the page has no <math> element")
        if m["not_mathml"]:
            problems.append(f"{v.path}: {m['not_mathml']} <math> elements not laid out as MathML")
        if m["errors"]:
            problems.append(f"{v.path}: {m['errors']} math error nodes (merror / katex-error)")
        for tex in m["untouched"]:
            problems.append(f"{v.path}: formula left as TeX by arithmatex: {tex!r}")
    _fail_if(problems, "math not typeset")


def test_no_raw_tex_is_visible(visits):
    problems = _unvisitable(visits)
    for v in visits:
        for pattern, what in RAW_TEX:
            for m in pattern.finditer(v.text):
                context = v.text[max(0, m.start() - 40): m.end() + 40].replace("\n", " ")
                problems.append(f"{v.path}: {what} {m.group(0)!r} in visible text: ...{context}...")
    _fail_if(problems, "raw TeX visible to readers (outside code blocks)")


def test_no_request_leaves_localhost(reader, visits):
    problems = _unvisitable(visits)
    for v in visits:
        problems += [f"{v.path}: {url}" for url in v.outside_requests]
    # Anything any other test's pages asked for, too (searches, toggles, keyboard navigation).
    problems += [f"{page} (other test): {url}" for page, url in reader.outside
                 if f"{page}: {url}" not in problems]
    _fail_if(problems, "requests to hosts other than 127.0.0.1 (blocked)")


def test_no_console_errors_or_failed_requests(visits):
    problems = _unvisitable(visits)
    for v in visits:
        problems += [f"{v.path}: {e}" for e in v.console_errors]
        problems += [f"{v.path}: HTTP {r}" for r in v.failed_responses]
    _fail_if(problems, "console errors or failed requests")


def test_every_page_passes_axe(visits):
    problems = _unvisitable(visits)
    problems += [f"{v.path}: {describe_axe(v.axe)}" for v in visits if v.axe]
    _fail_if(problems, "axe-core serious/critical violations (light scheme)")


def test_every_page_passes_axe_in_dark_scheme(visits):
    """Colour rules again with Material's dark scheme switched on (as its toggle does)."""
    problems = _unvisitable(visits)
    if all(v.axe_dark is None for v in visits if not v.error):
        pytest.skip("the site has no dark scheme (theme.palette with scheme: slate)")
    problems += [f"{v.path}: {describe_axe(v.axe_dark)}" for v in visits if v.axe_dark]
    _fail_if(problems, "axe-core serious/critical colour violations (dark scheme)")


def test_dark_preference_gets_a_passing_dark_scheme(reader):
    """A reader whose system prefers dark gets the dark scheme, and it passes axe."""
    context = reader.new_context(color_scheme="dark")
    try:
        page = reader.open("/", context=context)
        scheme = page.evaluate(SCHEME_JS)
        if scheme == "default" and not page.locator("input[data-md-color-scheme='slate']").count():
            pytest.skip("the site has no dark scheme")
        assert scheme == "slate", f"prefers-color-scheme: dark gave scheme {scheme!r}"
        violations = axe_violations(page)
        assert not violations, f"/ with a dark preference: {describe_axe(violations)}"
    finally:
        context.close()


def test_open_search_dialog_passes_axe(reader, site):
    page = reader.open("/")
    try:
        query = _some_query(site)
        hrefs = search(page, query)
        assert hrefs, f"search for {query!r} found nothing"
        problems = [f"light: {describe_axe(v)}" for v in [axe_violations(page)] if v]
        if page.evaluate(DARK_SCHEME_JS):
            problems += [f"dark: {describe_axe(v)}" for v in [axe_violations(page, rules=COLOUR_RULES)] if v]
        _fail_if(problems, f"search dialog open with results for {query!r}")
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------
# Search


def _carriers(site, kind: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path, src in site.sources.items():
        for term in getattr(src, kind):
            out.setdefault(term, set()).add(path)
    return out


def _some_query(site) -> str:
    """A query that should find something: a tag, else a word of a page title."""
    for kind in ("tags", "aliases"):
        terms = _carriers(site, kind)
        if terms:
            return sorted(terms)[0]
    return "matrix"


KIND = {"aliases": "alias", "tags": "tag"}


def _search_terms(reader, site, kind: str):
    carriers = _carriers(site, kind)
    if not carriers:
        pytest.skip(f"no page declares {kind} in its front matter yet")
    page = reader.open("/")
    problems = []
    try:
        for term, paths in sorted(carriers.items()):
            hrefs = search(page, term)
            first = site.path_of(hrefs[0]) if hrefs else None
            if first not in paths:
                got = "no result" if first is None else f"first result {hrefs[0]}"
                problems.append(f"{KIND[kind]} {term!r}: {got}; pages carrying it: {sorted(paths)}")
    finally:
        page.close()
    _fail_if(problems, f"search does not lead to the page for these {kind}")


def test_search_finds_every_alias(reader, site):
    _search_terms(reader, site, "aliases")


def test_search_finds_every_tag(reader, site):
    _search_terms(reader, site, "tags")


# The text of the search results a reader sees, outside code.
PREVIEW_TEXT_JS = """() => {
  const style = document.createElement('style');
  style.textContent = '.md-search-result :is(pre, code, kbd, samp) { display: none !important; }';
  document.head.appendChild(style);
  const text = [...document.querySelectorAll('.md-search-result__item')].map(e => e.innerText).join('\\n');
  style.remove();
  return text;
}"""


def test_search_results_show_no_raw_tex(reader, site):
    """Result previews come from the search index: TeX that went in there (e.g. MathML's TeX
    annotation) is shown to readers as raw TeX. One search per tag (or a default query)."""
    queries = sorted(_carriers(site, "tags")) or [_some_query(site)]
    page = reader.open("/")
    problems = []
    try:
        for query in queries:
            search(page, query)
            text = page.evaluate(PREVIEW_TEXT_JS)
            for pattern, what in RAW_TEX_IN_PREVIEWS:
                m = pattern.search(text)
                if m:
                    context = text[max(0, m.start() - 50): m.end() + 30].replace("\n", " ")
                    problems.append(f"search {query!r}: {what} {m.group(0)!r}: ...{context}...")
                    break
    finally:
        page.close()
    _fail_if(problems, "raw TeX in search result previews")


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_works_from_the_keyboard_alone(reader, site, key):
    page = reader.open("/")
    try:
        page.keyboard.press(key)
        focused = page.evaluate("document.activeElement.className")
        assert "md-search__input" in focused, f"pressing {key!r} focused {focused!r}, not the search box"
        query = _some_query(site)
        page.keyboard.type(query)
        hrefs = wait_for_results(page, query)
        assert hrefs, f"search for {query!r} found nothing"
        page.keyboard.press("ArrowDown")
        active = page.evaluate("document.activeElement.getAttribute('href')")
        assert active == hrefs[0], f"ArrowDown focused {active!r}, not the first result {hrefs[0]!r}"
        page.keyboard.press("Enter")
        target = site.path_of(hrefs[0])
        try:   # a full load, or navigation.instant's History API: either way the URL changes
            page.wait_for_url(lambda url: site.path_of(url) == target, timeout=10_000)
        except Exception:
            pytest.fail(f"Enter on the first result stayed at {page.url}, not {hrefs[0]}", pytrace=False)
        heading = page.locator("article h1").first.text_content(timeout=5_000)
        assert heading, f"{target}: no page heading after keyboard navigation"
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------
# Tags, palette, code


TAG_SECTIONS_JS = """() => [...document.querySelectorAll('article [id^="tag:"]')].map(h => {
  const links = [];
  for (let n = h.nextElementSibling; n && !/^H[1-6]$/.test(n.tagName); n = n.nextElementSibling)
    n.querySelectorAll('a[href]').forEach(a => links.push(a.href));
  const tag = h.querySelector('.md-tag') || h;
  const text = [...tag.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
    .map(n => n.textContent).join('').trim();
  return {tag: text, links};
})"""


def test_tags_index_lists_every_page_under_each_of_its_tags(reader, site):
    carriers = _carriers(site, "tags")
    if not carriers:
        pytest.skip("no page has tags in its front matter yet")
    indexes = [p for p, s in site.sources.items() if s.is_tags_index]
    assert indexes, "pages have tags but no page is a tags index (`<!-- material/tags -->`)"
    page = reader.open(indexes[0])
    try:
        sections = page.evaluate(TAG_SECTIONS_JS)
    finally:
        page.close()
    listed: dict[str, set[str]] = {}
    for s in sections:
        listed.setdefault(s["tag"], set()).update(site.path_of(h) for h in s["links"])
    problems = []
    for tag, paths in sorted(carriers.items()):
        paths = paths - set(indexes)    # Material does not list a tags index on itself
        if not paths:
            continue
        if tag not in listed:
            problems.append(f"tag {tag!r} has no section (sections: {sorted(listed)})")
            continue
        problems += [f"tag {tag!r} does not list {p}" for p in sorted(paths - listed[tag])]
    _fail_if(problems, f"tags index {indexes[0]}")


def test_light_dark_toggle_switches_the_palette(reader):
    context = reader.new_context()
    try:
        page = reader.open("/", context=context)
        toggle = page.locator("form[data-md-component='palette'] label:not([hidden])")
        assert toggle.count(), "no light/dark toggle: theme.palette in mkdocs.yml has no `toggle`"
        before = page.evaluate(SCHEME_JS)
        toggle.first.click()
        page.wait_for_function(f"{SCHEME_JS} !== {before!r}")
        after = page.evaluate(SCHEME_JS)
        page.reload()
        assert page.evaluate(SCHEME_JS) == after, "the chosen scheme is not kept across pages"
        page.locator("form[data-md-component='palette'] label:not([hidden])").first.click()
        page.wait_for_function(f"{SCHEME_JS} === {before!r}")
    finally:
        context.close()


def test_every_code_block_has_a_copy_button(reader, site, visits):
    problems = _unvisitable(visits)
    blocks = [(v.path, c) for v in visits for c in v.code]
    expected = [f"docs/{s.src}" for s in site.sources.values() if s.has_code]
    if not blocks and not expected:
        pytest.skip("no page has a code block yet")
    if expected and not blocks:
        problems.append(f"sources have code blocks ({', '.join(expected)}) but no page has `pre > code`")
    for path, c in blocks:
        if not c["copy_button"]:
            problems.append(f"{path}: code block {c['index']} ({c['text']!r}...) has no copy button")
        elif not c["button_name"]:
            problems.append(f"{path}: code block {c['index']}: copy button has no accessible name")
    _fail_if(problems, "code blocks without a working copy button")

    # And a button copies its block: the first code block in view (not in a closed tab or details).
    context = reader.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
        for path in dict.fromkeys(p for p, _ in blocks):
            page = reader.open(path, context=context)
            pre = page.locator("article pre:has(> code) >> visible=true")
            if pre.count():
                break
            page.close()
        else:
            pytest.fail("no code block is visible without opening a tab or a details box", pytrace=False)
        pre = pre.first
        pre.hover()
        pre.locator(COPY_BUTTON).first.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        expected_text = pre.locator("> code").text_content()
        assert copied.strip() == expected_text.strip(), f"{path}: copy button copied {copied[:80]!r}"
    finally:
        context.close()


def test_home_page_screenshot(reader, site, visits):
    """Full-page screenshots of every page are in test-artifacts/screenshots/; this adds the home
    page at the viewport size (docs/assets/screenshot.png with MATCALC_UPDATE_SCREENSHOT=1)."""
    missing = [v.path for v in visits if not (v.screenshot and v.screenshot.is_file())]
    assert not missing, f"no screenshot for {missing}"
    page = reader.open("/", context=reader.new_context(viewport={"width": 1280, "height": 960}))
    try:
        out = ARTIFACTS / "home-viewport.png"
        page.screenshot(path=str(out))
        assert out.stat().st_size > 10_000
        copy_readme_screenshot(out)
    finally:
        page.context.close()
