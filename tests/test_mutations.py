"""Mutation self-test: every wrong variant of every verified formula on the site is rejected."""
from pathlib import Path

import pytest

from matcheck.mutate import mutation_test
from matcheck.site import check_site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _verified():
    report = check_site(sorted(DOCS.rglob("*.md")), ROOT, DOCS)
    out = []
    for page in report.pages:
        for result, scope in zip(page.results, page.scopes):
            if result.status == "verified" and "\\in" not in result.tex:
                out.append(pytest.param(result.tex, scope, id=f"{result.page}:{result.line}"))
    return out


VERIFIED = _verified()


def test_there_are_formulas_to_mutate():
    assert len(VERIFIED) >= 50


@pytest.mark.parametrize("tex, scope", VERIFIED)
def test_every_non_equivalent_mutant_is_killed(tex, scope):
    report = mutation_test(tex, scope)
    assert report.killed, f"no mutant generated for {tex}"
    assert report.survived == [], f"mutants the checker accepted: {report.survived}"
