"""Browser tests: the built site as a reader uses it, in Debian's Chromium driven by Playwright.

One session: `mkdocs build --strict` into a temporary directory, `http.server` on 127.0.0.1 (a free
port, in a thread), one Chromium, one browser context. Every page is visited once (`Reader.visit`,
cached): full-page screenshot into test-artifacts/screenshots/, console errors, requests, visible
text, math and code-block facts, axe-core. The tests assert on those facts, each over every page.

Without Chromium (or Playwright) the tests skip and say how to enable them; with
MATCALC_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser is a failure instead.
"""
from __future__ import annotations

import os
from pathlib import Path

import harness
import pytest

BROWSER_DIR = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs the built site in Chromium (tests/browser)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    problem = harness.why_no_browser()
    if problem:
        message = f"browser tests not run: {problem}; {harness.HOW_TO_ENABLE}"
        if os.environ.get("MATCALC_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (MATCALC_REQUIRE_BROWSER=1, so a missing browser is a failure)",
                        pytrace=False)
        pytest.skip(message)
    return harness.CHROMIUM


@pytest.fixture(scope="session")
def site(chromium_path, tmp_path_factory) -> harness.Site:
    site_dir = tmp_path_factory.mktemp("browser") / "site"
    try:
        seconds, failure = harness.build(site_dir), None
    except RuntimeError as exc:
        failure = str(exc)
    if failure:
        pytest.fail(failure, pytrace=False)
    server = harness.Server(site_dir)
    pages = harness.sitemap_paths(site_dir)
    sources = {p.url: p for p in harness.source_pages() if p.url in pages}
    try:
        yield harness.Site(site_dir, server.base, pages, sources, seconds)
    finally:
        server.close()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium_path), args=harness.CHROMIUM_ARGS,
                              headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def reader(browser, site) -> harness.Reader:
    r = harness.Reader(browser, site)
    try:
        yield r
    finally:
        r.close()


@pytest.fixture(scope="session")
def visits(reader) -> list[harness.Visit]:
    return reader.visit_all()
