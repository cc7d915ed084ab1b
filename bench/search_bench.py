"""Search benchmark: types every query of bench/search_queries.yml into the built site's search box
in Chromium (Playwright) and scores what a reader sees (not a test).

    . /work/venv/bin/activate && python bench/search_bench.py            # build, run, write report
    python bench/search_bench.py --site-dir /tmp/site --no-build        # reuse a built site
    python bench/search_bench.py --fast                                 # only the `fast: true` queries
    python bench/search_bench.py --no-write                             # print only
    python bench/search_bench.py --first-loads                          # and every page's weight

For each query it reads the result list as rendered: the result links in order, leaving out the
sections Material folds under "N more on this page" (inside a closed <details>). It reports
  top-1 page       the first result's page is the expected page
  section in top 3 the expected section (its anchor; the page itself when the expected section is
                   null) is one of the first three visible result links
  empty            no result at all
and writes the figures and every miss to bench/SEARCH_RESULTS.md (unless --no-write).
"""
from __future__ import annotations

import argparse
import collections
import datetime as _dt
import gzip
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
# The browser tests' harness (Chromium settings, the site server), loaded from its file:
# tests/browser is not a package.
_spec = importlib.util.spec_from_file_location("harness", ROOT / "tests" / "browser" / "harness.py")
harness = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = harness  # dataclasses look their module up
_spec.loader.exec_module(harness)

QUERIES = ROOT / "bench" / "search_queries.yml"
REPORT = ROOT / "bench" / "SEARCH_RESULTS.md"

# The result links as a reader sees them, group by group; folded sections are left out.
VISIBLE_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li =>
    [...li.querySelectorAll('a.md-search-result__link')]
        .filter(a => !a.closest('details:not([open])'))
        .map(a => a.getAttribute('href')))"""


def load_queries(fast_only: bool = False) -> list[dict]:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    return [q for q in queries if q.get("fast") or not fast_only]


def site_location(site: harness.Site, href: str) -> str:
    """`page/#anchor` (as in the search index) of a result link."""
    parsed = urlparse(href)
    path = site.path_of(href).lstrip("/")
    return path + (f"#{parsed.fragment}" if parsed.fragment else "")


def expected_location(query: dict) -> str:
    return query["page"] + (f"#{query['section']}" if query.get("section") else "")


def visible_results(site: harness.Site, page, query: str) -> list[list[str]]:
    harness.search(page, query)
    return [[site_location(site, h) for h in group] for group in page.evaluate(VISIBLE_RESULTS)]


def accepted_locations(query: dict) -> list[str]:
    """The expected location, then any `also` location: where a page added after the queries were
    written states the same identity (bench/search_queries.yml says which and why)."""
    return [expected_location(query)] + list(query.get("also", []))


def score(query: dict, groups: list[list[str]]) -> dict:
    links = [loc for group in groups for loc in group]
    first_page = links[0].split("#")[0] if links else None
    want = expected_location(query)
    accepted = accepted_locations(query)
    return {
        "q": query["q"], "kind": query.get("kind", ""), "expected": want,
        "top1_page": first_page in {loc.split("#")[0] for loc in accepted},
        "section_top3": any(loc in links[:3] for loc in accepted),
        # the same, counting only the expected answer as first written
        "strict_top1_page": first_page == query["page"],
        "strict_section_top3": want in links[:3],
        "empty": not links,
        "shown": links[:3],
    }


def run(site: harness.Site, queries: list[dict]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(harness.CHROMIUM), args=harness.CHROMIUM_ARGS,
                                    headless=True)
        try:
            page = browser.new_page(viewport=harness.VIEWPORT)
            page.goto(site.url("/"))
            page.wait_for_load_state("load")
            harness.wait_for_search_index(page)
            return [score(q, visible_results(site, page, q["q"])) for q in queries]
        finally:
            browser.close()


def summary(results: list[dict]) -> dict:
    n = len(results) or 1
    return {
        "queries": len(results),
        "top1_page_pct": 100 * sum(r["top1_page"] for r in results) / n,
        "section_top3_pct": 100 * sum(r["section_top3"] for r in results) / n,
        "strict_top1_page_pct": 100 * sum(r["strict_top1_page"] for r in results) / n,
        "strict_section_top3_pct": 100 * sum(r["strict_section_top3"] for r in results) / n,
        "empty": sum(r["empty"] for r in results),
    }


def index_sizes(site_dir: Path) -> tuple[int, int]:
    data = (site_dir / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, 9))


def render(results: list[dict], site_dir: Path) -> str:
    s = summary(results)
    raw, packed = index_sizes(site_dir)
    by_kind = collections.defaultdict(list)
    for r in results:
        by_kind[r["kind"]].append(r)
    lines = [
        f"Measured {_dt.date.today().isoformat()} with `python bench/search_bench.py` "
        f"({s['queries']} queries of bench/search_queries.yml, typed into the search box in Chromium).",
        "",
        "| | value |", "| --- | --- |",
        f"| top-1 page | {s['top1_page_pct']:.1f} % |",
        f"| expected section in the top 3 visible results | {s['section_top3_pct']:.1f} % |",
        f"| the same, counting only the answers as first written (no `also`) | "
        f"{s['strict_top1_page_pct']:.1f} % top-1 page, {s['strict_section_top3_pct']:.1f} % section in the top 3 |",
        f"| empty results | {s['empty']} |",
        f"| search index | {raw / 1024:.1f} KB, {packed / 1024:.1f} KB gzip |",
        "",
        "| kind | queries | top-1 page | section in top 3 | empty |", "| --- | --- | --- | --- | --- |",
    ]
    for kind, rs in sorted(by_kind.items()):
        k = summary(rs)
        lines.append(f"| {kind} | {k['queries']} | {k['top1_page_pct']:.0f} % | {k['section_top3_pct']:.0f} % "
                     f"| {k['empty']} |")
    misses = [r for r in results if not (r["top1_page"] and r["section_top3"])]
    lines += ["", f"Misses ({len(misses)}): query, expected, first three visible results", ""]
    lines += [f"- `{r['q']}`: expected `{r['expected'] or '/'}`; shown "
              + (", ".join(f"`{x or '/'}`" for x in r["shown"]) or "nothing") for r in misses]
    return "\n".join(lines) + "\n"


def first_loads(site_dir: Path) -> list[tuple[str, int, int]]:
    """(page, gzip bytes, requests) of every page's first, cold-cache load, served gzipped like
    GitHub Pages by bench/run.py's server (what a page asks for before a reader turns to search), heaviest first."""
    import importlib.util

    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    run_py = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_py)
    server = run_py.GzipServer(site_dir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(harness.CHROMIUM), args=harness.CHROMIUM_ARGS,
                                        headless=True)
            try:
                weights = run_py.page_weights(browser, server.base, harness.sitemap_paths(site_dir))
            finally:
                browser.close()
    finally:
        server.close()
    return sorted(((page, w["bytes"], w["requests"]) for page, w in weights.items()), key=lambda t: -t[1])


def render_first_loads(loads: list[tuple[str, int, int]]) -> str:
    over = [t for t in loads if t[1] > 160 * 1024]
    heaviest_md = next(t for t in loads if not t[0].startswith("/notebooks/"))
    lines = ["", "First loads (gzip, cold cache, search worker included; the index loads when a reader turns "
             "to search; target <= 160 KB):", "",
             f"- heaviest page: `{loads[0][0]}` {loads[0][1] / 1024:.1f} KB in {loads[0][2]} requests",
             f"- heaviest Markdown page: `{heaviest_md[0]}` {heaviest_md[1] / 1024:.1f} KB in "
             f"{heaviest_md[2]} requests",
             f"- pages above 160 KB: {', '.join(f'`{p}` ({b / 1024:.1f} KB)' for p, b, _ in over) or 'none'}"]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site-dir", type=Path, help="build into (or, with --no-build, read) this directory")
    ap.add_argument("--no-build", action="store_true", help="use the site already in --site-dir")
    ap.add_argument("--fast", action="store_true", help="only the queries marked `fast: true`")
    ap.add_argument("--no-write", action="store_true", help=f"do not write {REPORT.relative_to(ROOT)}")
    ap.add_argument("--json", type=Path, help="also write every query's result to this JSON file")
    ap.add_argument("--first-loads", action="store_true",
                    help="also measure every page's first-load weight (as bench/run.py does)")
    args = ap.parse_args(argv)

    problem = harness.why_no_browser()
    if problem:
        print(f"search benchmark not run: {problem}; {harness.HOW_TO_ENABLE}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site_dir or Path(tmp) / "site"
        if not args.no_build:
            harness.build(site_dir)
        server = harness.Server(site_dir)
        try:
            site = harness.Site(site_dir, server.base, harness.sitemap_paths(site_dir), {})
            started = time.perf_counter()
            results = run(site, load_queries(args.fast))
            seconds = time.perf_counter() - started
        finally:
            server.close()
        report = render(results, site_dir)
        if args.first_loads:
            report += render_first_loads(first_loads(site_dir))
    print(report)
    print(f"({len(results)} queries in {seconds:.1f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if not args.no_write and not args.fast:
        REPORT.write_text("# Search benchmark\n\n" + report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
