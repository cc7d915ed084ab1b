"""The cheat sheet printed in Chromium (page.pdf): at most four A4 pages, every formula typeset."""
import importlib.util
import sys
from pathlib import Path

from matcheck.cheatsheet import MARKER

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("print_cheat_sheet", ROOT / "scripts" / "print_cheat_sheet.py")
print_cheat_sheet = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = print_cheat_sheet  # dataclasses look their module up
_spec.loader.exec_module(print_cheat_sheet)



def test_cheat_sheet_prints_on_at_most_four_a4_pages_with_every_formula_typeset(browser, site):
    markers = sum(1 for p in (ROOT / "docs").glob("*.md") for line in p.read_text(encoding="utf-8").split("\n")
                  if MARKER.match(line))
    pdf, facts = print_cheat_sheet.print_sheet(browser, site.base)
    assert pdf.startswith(b"%PDF")
    pages = print_cheat_sheet.pdf_pages(pdf)
    assert 1 <= pages <= print_cheat_sheet.MAX_PAGES, f"{pages} A4 pages"
    assert facts["entries"] == markers, facts
    assert facts["maths"] == markers and facts["not_typeset"] == 0, facts
