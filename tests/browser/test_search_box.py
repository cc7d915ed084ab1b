"""Search in Chromium, through the real search box: the fast subset of the search benchmark
(bench/search_queries.yml, `fast: true`), a typed formula opening its identity, and a section result
that opens its anchor."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import harness
import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search_bench.py")
search_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_bench)


@pytest.fixture(scope="module")
def home(reader):
    errors: list[str] = []
    page = reader.open("/", errors=errors)
    page.on("console", lambda m: errors.append(m.text) if m.type in ("warning", "error") else None)
    yield page, errors
    page.close()


def test_fast_benchmark_subset(site, home):
    page, errors = home
    queries = search_bench.load_queries(fast_only=True)
    assert len(queries) >= 15
    results = [search_bench.score(q, search_bench.visible_results(site, page, q["q"])) for q in queries]
    s = search_bench.summary(results)
    misses = [f"{r['q']!r}: expected {r['expected']!r}, shown {r['shown']}" for r in results
              if not (r["top1_page"] and r["section_top3"])]
    assert s["empty"] == 0, misses
    assert s["top1_page_pct"] >= 90 and s["section_top3_pct"] >= 85, (s, misses)
    assert not [e for e in errors if "Invalid query" in e or "boost" in e], errors


def test_typed_formula_shows_the_identity_unfolded(site, home):
    page, _ = home
    groups = search_bench.visible_results(site, page, "x^T A x")
    assert groups and groups[0][:2] == ["scalar-function-derivatives/",
                                         "scalar-function-derivatives/#a-quadratic-form"], groups[:2]


def test_a_section_result_opens_its_anchor(site, reader):
    page = reader.open("/")
    try:
        harness.search(page, "woodbury identity")
        link = page.locator("a.md-search-result__link[href*='#updating-an-inverse']").first
        assert link.is_visible(), "the section is folded away, not shown as its own result"
        link.click()
        page.wait_for_url("**/inverse/**#updating-an-inverse", timeout=10_000)
        heading = page.locator("#updating-an-inverse")
        heading.wait_for(timeout=5_000)
        top = heading.evaluate("e => e.getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"] / 2, f"the heading is not in view (top {top})"
    finally:
        page.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_index_loads_when_a_reader_turns_to_search_not_with_the_page(site, reader, viewport):
    """A page's first load leaves the search index out (overrides/assets/javascripts/
    search-index-on-demand.js); the keyboard shortcut or the header button fetches it, and a query
    typed straight away, before the index has arrived, is answered."""
    size = {"desktop": harness.VIEWPORT, "phone": {"width": 390, "height": 844}}[viewport]
    context = reader.new_context(viewport=size)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: "search_index" in r.url and requested.append(r.url))
        page.goto(site.url("/determinants/"), wait_until="networkidle")
        assert requested == [], "the page's first load fetched the search index"
        if viewport == "phone":
            page.locator("label.md-header__button[for='__search']").click()
        else:
            page.keyboard.press("s")          # Material's shortcut: focus the search box
        page.keyboard.type("woodbury")
        links = harness.wait_for_results(page, "woodbury")
        assert len(requested) == 1, requested
        assert any("#updating-an-inverse" in href for href in links[:3]), links
    finally:
        context.close()
