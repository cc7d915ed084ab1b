"""The Matrix Cookbook's equation numbers (sitemeta/cookbook.py, source/cookbook-equations.yml).

- Markers: `{: cookbook="N" }` right after a display formula's closing `$$`; anything else (a blank
  line between, prose, another indentation, no number, a definition or a failed formula above it)
  is an error naming file and line; a marker inside a code fence is not a marker.
- The audit, both ways: an entry `site` has a marker, a marker's number is an entry `site`, every
  reason is a known one, no number twice; an erratum's printed formula must keep failing.
- The site: every marker is on a verified formula, the audit is clean, at least 100 numbers are
  on the site, the built pages carry the anchors the cross-reference page links to, and the
  README states the counts the list gives.
- The build: a marker that is not attached to a formula fails `mkdocs build`, naming file:line.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matcheck.page import check_page
from matcheck.site import check_site
from sitemeta.cookbook import (
    REASONS,
    Equation,
    Marker,
    attach,
    audit,
    counts,
    counts_line,
    crossref_markdown,
    find_markers,
    load_equations,
    printed_verifies,
    render_markers,
    site_markers,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
YML = ROOT / "source" / "cookbook-equations.yml"

PAGE = """# T

/// where
X: n x n invertible
///

$$
\\frac{\\partial \\det X}{\\partial X} = \\det(X) X^{-T}
$$
{: cookbook="49" }

$$
Y := X^T
$$
{: cookbook="5" }

Prose.
{: cookbook="7" }

$$
\\det(X^T) = \\det(X)
$$

{: cookbook="20" }

```text
$$
a = b
$$
{: cookbook="99" }
```

- item

    $$
    \\det(X^{-1}) = \\frac{1}{\\det(X)}
    $$
    {: cookbook="22 21" }

$$
\\det(X) = \\det(X^T)
$$
  {: cookbook="20" }

$$
\\det(X) = \\det(X^T)
$$
{: cookbook="twenty" }
"""


def _line(text: str, needle: str, nth: int = 0) -> int:
    starts = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return starts[nth]


@pytest.fixture(scope="module")
def page_markers():
    markers, errors = find_markers(PAGE, "docs/t.md")
    return markers, errors


def test_markers_attached_to_display_formulas(page_markers):
    markers, _ = page_markers
    found = {tuple(m.numbers): m for m in markers}
    assert set(found) == {("49",), ("5",), ("22", "21")}
    assert found[("49",)].formula_line == _line(PAGE, "\\frac{\\partial \\det X}")
    assert found[("22", "21")].formula_line == _line(PAGE, "\\det(X^{-1})")


def test_misplaced_markers_are_errors_with_file_and_line(page_markers):
    _, errors = page_markers
    text = "\n".join(errors)
    prose, blank, indent = _line(PAGE, 'cookbook="7"'), _line(PAGE, 'cookbook="20"'), _line(PAGE, 'cookbook="20"', 1)
    assert f"docs/t.md:{prose}: " in text                         # after prose
    assert f"docs/t.md:{blank}: " in text                         # a blank line between
    assert f"docs/t.md:{indent}: " in text                        # another indentation
    assert f"docs/t.md:{_line(PAGE, 'twenty')}: " in text         # not a number
    assert "99" not in text                                                   # inside a code fence
    assert len(errors) == 4, text


def test_a_marker_must_follow_a_verified_formula(page_markers):
    markers, _ = page_markers
    report = check_page(PAGE, "docs/t.md")
    errors = attach(markers, report)
    definition = _line(PAGE, 'cookbook="5"')
    assert len(errors) == 1 and f"docs/t.md:{definition}:" in errors[0]
    assert "definition" in errors[0]
    assert {m.numbers[0] for m in markers if m.tex} == {"49", "22"}


def test_a_marker_after_a_failed_formula_is_an_error():
    text = "/// where\nX: n x n\n///\n\n$$\n\\det(2 X) = 2 \\det(X)\n$$\n{: cookbook=\"19\" }\n"
    markers, errors = find_markers(text, "docs/w.md")
    assert not errors and len(markers) == 1
    problems = attach(markers, check_page(text, "docs/w.md"))
    assert len(problems) == 1 and "docs/w.md:8:" in problems[0] and "failed" in problems[0]


def test_render_markers_gives_anchors_and_a_label():
    out = render_markers('x\n    {: cookbook="55 56" }\ny')
    assert '    <p class="mc-cookbook"><span id="cookbook-55"></span><span id="cookbook-56"></span>' in out
    assert "Cookbook (55), (56)</span></p>" in out and "cookbook=" not in out


def _eq(number, status="site", **kw):
    return Equation(number=str(number), section="s", tex="t", status=status, **kw)


def _mk(*numbers):
    return Marker("docs/p.md", 3, [str(n) for n in numbers], 2, "tex")


def test_audit_both_ways():
    eqs = [_eq(1), _eq(2, "complex"), _eq(3), _eq(3, "todo"), _eq(4, "bogus")]
    errors = "\n".join(audit(eqs, [_mk(1, 2), _mk(9)]))
    assert "equation 3 says `site` but no page marks" in errors
    assert "equation 2 says `complex` but docs/p.md:3 marks it" in errors
    assert "docs/p.md:3: Cookbook number 9 is not in" in errors
    assert "equation 3 is listed twice" in errors
    assert "status `bogus`" in errors
    assert not audit([_eq(1), _eq(2, "complex")], [_mk(1)])


def test_audit_errata_must_keep_failing():
    wrong = _eq(7, "todo", printed_check={"tex": "\\det(2 X) = 2 \\det(X)", "where": "X: n x n"})
    right = _eq(8, "todo", printed_check={"tex": "\\det(X^T) = \\det(X)", "where": "X: n x n"})
    errors = audit([wrong, right], [], check_printed=printed_verifies)
    assert len(errors) == 1 and "equation 8 is listed as an erratum" in errors[0]


# --- the site ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site():
    report = check_site(sorted(DOCS.rglob("*.md")), ROOT, DOCS)
    markers, errors = site_markers(report)
    return report, markers, errors, load_equations(YML)


def test_every_marker_is_on_a_verified_formula(site):
    report, markers, errors, _ = site
    assert errors == []
    verified = {(r.page, r.line, r.tex) for r in report.results if r.status == "verified" and r.display}
    assert markers and all((m.page, m.formula_line, m.tex) in verified for m in markers)


def test_the_list_and_the_markers_agree(site):
    _, markers, _, equations = site
    assert audit(equations, markers, check_printed=printed_verifies) == []
    assert all(e.status == "site" or e.status in REASONS for e in equations)


def test_every_errata_entry_fails_as_printed(site):
    *_, equations = site
    errata = [e for e in equations if e.printed_check]
    assert len(errata) >= 4
    assert not any(printed_verifies(e.printed_check["tex"], e.printed_check.get("where", ""))
                   for e in errata)


def test_at_least_100_numbers_on_the_site(site):
    _, markers, _, equations = site
    on_site = {e.number for e in equations if e.status == "site"}
    assert len(on_site) >= 100
    assert on_site == {n for m in markers for n in m.numbers}


def test_chapter_two_is_listed_without_gaps(site):
    *_, equations = site
    numbers = [int(e.number) for e in equations]
    assert numbers == sorted(numbers)
    assert set(range(32, 145)) <= set(numbers)


def test_readme_states_the_counts(site):
    *_, equations = site
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert counts_line(equations) in readme, "README's Cookbook counts are stale:\n" + counts_line(equations)
    assert counts(equations)["site"] >= 100


def test_crossref_links_every_site_number(site):
    _, markers, _, equations = site
    table = crossref_markdown(equations, markers)
    for e in equations:
        row = next(line for line in table.splitlines() if line.startswith(f'<tr id="eq-{e.number}">'))
        if e.status == "site":
            assert f'#cookbook-{e.number}"' in row
        else:
            assert REASONS[e.status] in row


def test_built_pages_carry_the_anchors(strict_build, site):
    built, _ = strict_build
    _, markers, _, _ = site
    for m in markers:
        html = (built / Path(m.page).relative_to("docs").with_suffix("") / "index.html").read_text()
        for n in m.numbers:
            assert f'id="cookbook-{n}"' in html, (m.page, n)
    table = (built / "cookbook" / "index.html").read_text()
    links = re.findall(r'href="([^"]*)#cookbook-(\d+)"', table)
    assert len(links) >= 100
    for path, number in links:   # every link of the table lands on its anchor
        target = (built / "cookbook" / path / "index.html").resolve()
        assert f'id="cookbook-{number}"' in target.read_text(), (path, number)
    # "cookbook 100" finds the formula: its "Cookbook (N)" line is in the search index
    index = (built / "search" / "search_index.json").read_text()
    assert all(f"Cookbook ({n})" in index for m in markers for n in m.numbers[:1])


def test_a_detached_marker_fails_the_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        "site", ".git", "__pycache__", ".ci-venv", "test-artifacts", "node_modules", ".pytest_cache"))
    page = project / "docs" / "determinants.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("The log-determinant is everywhere"))
    lines.insert(at + 1, '{: cookbook="49" }')
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert f"docs/determinants.md:{at + 2}: Cookbook marker" in result.stdout + result.stderr
