"""The cheat sheet's markers (matcheck.cheatsheet): on verified display formulas only, else file:line."""
from pathlib import Path

import pytest

from matcheck import cheatsheet
from matcheck.page import check_page

PAGE = """---
title: T
---

# T

/// where
A, B: n x n
x: n
///

## Traces

<!-- cheat-sheet -->
$$
\\operatorname{Tr}(A B) = \\operatorname{Tr}(B A)
$$

## Traces

MARKED
"""


def _collect(tmp_path: Path, marked: str):
    text = PAGE.replace("MARKED", marked)
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "t.md").write_text(text, encoding="utf-8")
    report = check_page(text, "docs/t.md")
    assert not report.error_lines()
    return cheatsheet.collect([report], tmp_path)


def test_a_marked_verified_display_is_collected_with_its_section(tmp_path):
    entries, errors = _collect(tmp_path, "")
    assert errors == []
    assert [(e.line, e.tex, e.section, e.anchor) for e in entries] == [
        (16, r"\operatorname{Tr}(A B) = \operatorname{Tr}(B A)", "Traces", "traces")]


@pytest.mark.parametrize("marked, why", [
    ("<!-- cheat-sheet -->\nSome prose.\n", "is not followed by a display formula"),
    ("<!-- cheat-sheet -->\nInline $x^T x$ only.\n", "is not followed by a display formula"),
    ("<!-- cheat-sheet -->\n$$\nc := x^T x\n$$\n", "not verified (it is a definition)"),
    ("<!-- cheat-sheet -->\n", "is not followed by a display formula"),
])
def test_a_marker_elsewhere_fails_with_file_and_line(tmp_path, marked, why):
    _, errors = _collect(tmp_path, marked)
    assert len(errors) == 1
    assert errors[0].startswith("docs/t.md:21: cheat-sheet marker ") and why in errors[0]


def test_a_repeated_heading_links_to_its_own_anchor(tmp_path):
    entries, _ = _collect(tmp_path, "<!-- cheat-sheet -->\n$$\n\\operatorname{Tr}(A) = \\operatorname{Tr}(A^T)\n$$\n")
    assert [e.anchor for e in entries] == ["traces", "traces_1"]


def test_sheet_markdown_groups_by_page_in_navigation_order(tmp_path):
    e1 = cheatsheet.Entry("docs/b.md", 3, "x = x", "S", "s")
    e2 = cheatsheet.Entry("docs/a.md", 5, "y = y", "", "")
    text = cheatsheet.markdown([e1, e2], ["docs/b.md", "docs/a.md"], {"docs/a.md": "A", "docs/b.md": "B"},
                               lambda p: "../" + Path(p).stem + ".md")
    assert text.index("## B") < text.index("## A")
    assert "[S](../b.md#s){ .mc-cheat-link }" in text and "[A](../a.md){ .mc-cheat-link }" in text
    assert cheatsheet.placeholder("x = x") in text and "$" not in text


def test_every_marker_of_the_site_is_on_a_verified_display():
    root = Path(__file__).resolve().parent.parent
    from matcheck.site import check_site
    pages = sorted((root / "docs").glob("*.md"))
    report = check_site(pages, root, root / "docs", audit=False)
    entries, errors = cheatsheet.collect(report.pages, root)
    markers = sum(1 for p in pages for line in p.read_text(encoding="utf-8").split("\n")
                  if cheatsheet.MARKER.match(line))
    assert errors == [] and len(entries) == markers >= 60


def test_navigation_order_and_titles(tmp_path):
    nav = [{"Home": "index.md"}, {"Part": [{"A": "a.md"}, "b.md"]}, {"Z": "z.md"}]
    assert cheatsheet.nav_order(nav) == ["docs/index.md", "docs/a.md", "docs/b.md", "docs/z.md"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\ntitle: Alpha\n---\n\n# Alpha\n", encoding="utf-8")
    assert cheatsheet.titles(tmp_path, ["docs/a.md"]) == {"docs/a.md": "Alpha"}
