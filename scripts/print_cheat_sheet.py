"""Print the built cheat sheet to a PDF with Chromium (the publish workflow runs this after the build).

    python scripts/print_cheat_sheet.py [site_dir] [chromium]

Serves site_dir on 127.0.0.1, opens /cheat-sheet/ in Chromium (Playwright), waits until every
formula is typeset, and writes site_dir/cheat-sheet/cheat-sheet.pdf (A4, the page's print
stylesheet). Fails if the sheet takes more than MAX_PAGES pages or a formula is not typeset.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The browser tests' server and Chromium settings, loaded from its file (tests/browser is not a package).
_spec = importlib.util.spec_from_file_location("harness", ROOT / "tests" / "browser" / "harness.py")
harness = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = harness  # dataclasses look their module up
_spec.loader.exec_module(harness)

MAX_PAGES = 4
PAGE = "/cheat-sheet/"

# In print: every formula laid out as MathML, none an error, none with nothing to show.
PRINT_FACTS_JS = """() => {
  const maths = [...document.querySelectorAll('article .mc-cheat-entry math')];
  return {
    entries: document.querySelectorAll('article .mc-cheat-entry').length,
    maths: maths.length,
    not_typeset: maths.filter(m => !getComputedStyle(m).display.includes('math')
                                || m.getBoundingClientRect().width < 5 || m.querySelector('merror')).length,
  };
}"""


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF as Chromium (Skia) writes it: one `/Type /Page` object per page."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def print_sheet(browser, base_url: str) -> tuple[bytes, dict]:
    page = browser.new_page()
    try:
        page.goto(base_url.rstrip("/") + PAGE, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.emulate_media(media="print")
        facts = page.evaluate(PRINT_FACTS_JS)
        pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
        return pdf, facts
    finally:
        page.close()


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    chromium = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("MATCALC_CHROMIUM", str(harness.CHROMIUM))
    from playwright.sync_api import sync_playwright

    server = harness.Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=harness.CHROMIUM_ARGS, headless=True)
            try:
                pdf, facts = print_sheet(browser, server.base)
            finally:
                browser.close()
    finally:
        server.close()
    pages = pdf_pages(pdf)
    print(f"cheat sheet: {facts['entries']} formulas, {facts['maths']} typeset, {pages} A4 pages")
    if facts["not_typeset"] or facts["maths"] < facts["entries"]:
        print(f"error: {facts['not_typeset']} formulas not typeset in print", file=sys.stderr)
        return 1
    if pages > MAX_PAGES:
        print(f"error: the cheat sheet prints on {pages} pages (at most {MAX_PAGES})", file=sys.stderr)
        return 1
    out = site / PAGE.strip("/") / "cheat-sheet.pdf"
    out.write_bytes(pdf)
    print(f"wrote {out} ({len(pdf) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
