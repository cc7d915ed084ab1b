"""Mutation testing: every wrong variant of every verified formula of the site (pages and notebooks)
is rejected, and every side of every formula gets mutants, inside every kind of node."""
import subprocess
import sys
from pathlib import Path

import pytest

import matcheck
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.mutate import mutation_test, node_mutants
from matcheck.parse import parse
from matcheck.resolve import resolve
from matcheck.tree import paths

ROOT = Path(__file__).resolve().parent.parent


def _verified():
    out = []
    for page in matcheck.verify_site(ROOT, audit=False).pages:
        for result, scope in zip(page.results, page.scopes):
            if result.status == "verified":
                out.append(pytest.param(result.tex, scope, result.seed, id=f"{result.page}:{result.line}"))
    return out


VERIFIED = _verified()


def test_pages_and_notebooks_are_mutated():
    ids = [p.id for p in VERIFIED]
    assert len(ids) >= 250
    assert any(i.startswith("notebooks/") for i in ids)


@pytest.mark.parametrize("tex, scope, seed", VERIFIED)
def test_every_non_equivalent_mutant_is_killed(tex, scope, seed):
    report = mutation_test(tex, scope, seed)
    assert report.bare_sides == [], f"sides without a mutant: {report.bare_sides}"
    assert report.killed, f"no mutant killed for {tex}"
    assert report.survived == [], f"mutants the checker accepted: {report.survived}"


def _scope(decls):
    return Scope({d.key: d for d in parse_declarations(decls)}, {})


@pytest.mark.parametrize("tex, decls, inside", [
    (r"\nabla^2_x (x^T A x) = A + A^T", "x: n; A: n x n", "Hessian"),
    (r"\operatorname{vec}(A X B) = (B^T \otimes A) \operatorname{vec}(X)", "A: m x n; X: n x p; B: p x q", "HOp"),
    (r"x \odot (A y) = \operatorname{diag}(x) A y", "x: m; y: n; A: m x n", "HOp"),
    (r"\operatorname{diag}(x) y = x \odot y", "x, y: n", "Func"),
    (r"\frac{\partial \log(\det(X))}{\partial X} = X^{-T}", "X: n x n posdet", "Func"),
])
def test_mutants_reach_inside_every_node_type(tex, decls, inside):
    """Each node below a node of type `inside` (in its operands) gets a mutant of its own."""
    scope = _scope(decls)
    sides = [resolve(s, scope) for s in parse(tex).sides]
    reached = 0
    for side in sides:
        for node, parent in paths(side):
            if parent is not None and type(parent).__name__ == inside:
                assert list(node_mutants(node, parent, scope)), f"no mutant for {node} under {inside}"
                reached += 1
    assert reached, f"the formula has no node under a {inside}"
    report = mutation_test(tex, scope)
    assert report.survived == [] and report.killed


def test_an_equivalent_mutant_says_which_rule():
    report = mutation_test(r"\frac{\partial (x^T S x)}{\partial x} = 2 S x", _scope("x: n; S: n x n symmetric"))
    rules = {e.split(": ", 1)[1].split(":")[0] for e in report.equivalent}
    assert rules <= {"property", "value"} and "property" in rules


def test_a_checker_that_accepts_anything_would_show_survivors(monkeypatch):
    """The test can fail: if the verification of mutants (seed 0) accepted everything, while the
    equivalence rule (seed 0 + 7) still works, the mutants would survive."""
    import matcheck.mutate as mutate
    from matcheck.check import Verdict
    real = mutate.verify_sides
    monkeypatch.setattr(mutate, "verify_sides", lambda sides, tex, scope, seed=0, *a, **k:
                        Verdict("verified", tex) if seed == 0 else real(sides, tex, scope, seed, *a, **k))
    report = mutation_test(r"\frac{\partial (a^T x)}{\partial x} = a", _scope("a, x: n"), seed=0)
    assert report.survived and not report.killed


def test_cli_prints_per_page_results_and_the_summary_line():
    out = subprocess.run([sys.executable, "-m", "matcheck", "mutate", "docs/hessians.md"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("docs/hessians.md: ")
    import re
    m = re.fullmatch(r"mutation: (\d+) mutants, (\d+) killed, (\d+) equivalent, 0 survived, 0 sides without a mutant",
                     lines[-1])
    assert m, lines[-1]
    n, k, e = map(int, m.groups())
    assert n == k + e and k > 0
