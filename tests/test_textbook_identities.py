"""Identities written the way The Matrix Cookbook and textbooks write them (bold symbols, |X|, ln,
sums, J^{ij}, X^{+}, e^{X}, eigenvalues, structured matrices): each verifies as written, on 200
draws, and a wrong variant of each (a transpose dropped or a term's sign flipped) is rejected.
One line per identity in tests/data/textbook_identities.txt: `tex|declarations`."""
from pathlib import Path

import pytest

from matcheck.check import check_tex
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.mutate import mutation_test

LINES = [line.rsplit("|", 1) for line in
         (Path(__file__).parent / "data" / "textbook_identities.txt").read_text().splitlines() if line.strip()]


def _scope(decls):
    return Scope({d.key: d for d in parse_declarations(decls)}, {})


@pytest.mark.parametrize("tex, decls", LINES, ids=[t[:60] for t, _ in LINES])
def test_textbook_identity_verifies_as_written(tex, decls):
    v = check_tex(tex, _scope(decls), seed=5, draws=200)
    assert v.status == "verified", v.message


@pytest.mark.parametrize("tex, decls", LINES, ids=[t[:60] for t, _ in LINES])
def test_textbook_identity_mutants_are_killed(tex, decls):
    report = mutation_test(tex, _scope(decls))
    assert report.killed and report.survived == [] and report.bare_sides == []
