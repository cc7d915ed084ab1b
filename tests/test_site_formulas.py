"""The gate: every formula on every page is verified or marked; a wrong formula fails both the
checker (pytest) and `mkdocs build`, naming file:line, the formula, the evidence and the seed."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matcheck.audit import audit_source
from matcheck.site import check_site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


@pytest.fixture(scope="module")
def report():
    return check_site(PAGES, ROOT, DOCS)


def test_every_formula_on_every_page_is_verified_or_marked(report):
    assert report.error_lines() == []
    statuses = {r.status for r in report.results}
    assert statuses <= {"verified", "definition", "declaration", "notation", "expression"}
    assert report.totals()["verified"] >= 50


@pytest.mark.parametrize("page", [p.relative_to(ROOT).as_posix() for p in PAGES])
def test_page_formulas(report, page):
    results = [r for p in report.pages if p.page == page for r in p.error_lines()]
    assert results == []


def _copy_project(tmp_path: Path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        "site", ".git", "__pycache__", ".ci-venv", "test-artifacts", "node_modules", ".pytest_cache"))
    return dest


WRONG = r"\frac{\partial \operatorname{Tr}(AX^T)}{\partial X} = A^T"


def _inject(project: Path) -> tuple[Path, int]:
    page = project / "docs" / "matrix-function-derivatives.md"
    text = page.read_text()
    marker = "\n## "
    at = text.index(marker, text.index("/// where"))
    new = text[:at] + f"\n\n$$\n{WRONG}\n$$\n" + text[at:]
    line = new[: new.index(WRONG)].count("\n") + 1
    page.write_text(new)
    return page, line


def test_wrong_formula_fails_the_checker_with_its_location(tmp_path):
    project = _copy_project(tmp_path)
    page, line = _inject(project)
    rep = check_site([page], project, project / "docs")
    errors = "\n".join(rep.error_lines())
    assert f"docs/matrix-function-derivatives.md:{line}: formula `{WRONG}`" in errors
    assert "side 1 is m x n but side 2 is n x m" in errors or "disagree" in errors
    assert "seed" in errors


@pytest.mark.parametrize("strict", [True, False])
def test_wrong_formula_fails_mkdocs_build(tmp_path, strict):
    project = _copy_project(tmp_path)
    _, line = _inject(project)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")]
    if strict:
        cmd.append("--strict")
    else:  # mkdocs.yml sets strict: true; a non-strict build must fail all the same
        (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("strict: true", "strict: false"))
    result = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert f"docs/matrix-function-derivatives.md:{line}" in out and WRONG in out


def test_unmarked_unparsable_formula_fails(tmp_path):
    project = _copy_project(tmp_path)
    page = project / "docs" / "identities.md"
    page.write_text(page.read_text() + "\n\nAlso $A \\odot\\!\\! = B$.\n")
    rep = check_site([page], project, project / "docs")
    assert any("does not parse" in e or "not in the site's notation" in e for e in rep.error_lines())


def test_build_writes_verification_json(strict_build):
    site = strict_build[0]
    data = json.loads((site / "verification.json").read_text())
    entries = data["formulas"]
    assert {e["status"] for e in entries} == {"verified", "definition"}
    assert all({"page", "line", "latex", "status", "draws", "max_rel_err"} <= e.keys() for e in entries)
    verified = [e for e in entries if e["status"] == "verified"]
    assert len(verified) == data["totals"]["verified"]
    assert max(e["max_rel_err"] for e in verified) < 1e-6
    # Each verified display formula carries its mark in the HTML.
    html = (site / "matrix-function-derivatives" / "index.html").read_text()
    assert 'class="mc-mark"' in html and "max relative error" in html


def test_source_audit_finds_the_known_errors():
    failed = {r.line for r in audit_source(ROOT) if r.status == "failed"}
    # d Tr(XA)/dX = A and d Tr(AX^T)/dX = A^T are wrong in the source; the broken Bayesian line too.
    assert {117, 123, 258} <= failed
    assert 114 not in failed and 128 not in failed


def test_in_repo_source_matches_shared_copy():
    repo_copy = ROOT / "source" / "matrix-calculus-cheat-sheet.md"
    shared = ROOT.parent / "shared" / "source" / "matrix-calculus-cheat-sheet.md"
    assert repo_copy.stat().st_size > 1000
    if shared.exists():
        assert repo_copy.read_text() == shared.read_text()
