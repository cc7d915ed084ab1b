"""The site's search, run with its own worker (matcalc-search.js wrapping Material's) in Node on the
built index: no query raises an error, section aliases open their section, typed formulas open
the identity, typos, plurals and joined forms find what their correct form finds. Also pins the
Material files the override relies on, so a Material upgrade fails here, loudly, not silently."""
import re
from pathlib import Path

import material
import pytest
import search_worker
from search_worker import visible

from sitemeta import load_vocabulary, validate_directory

ROOT = Path(__file__).resolve().parent.parent
BASE_HTML = Path(material.__file__).parent / "templates" / "base.html"
MAIN_HTML = ROOT / "overrides" / "main.html"
METAS = validate_directory(ROOT / "docs", load_vocabulary(ROOT / "mkdocs.yml"), ROOT)
UPGRADE = ("Material's search worker changed (a Material upgrade?): re-check "
           "overrides/assets/javascripts/workers/matcalc-search.js and overrides/main.html against "
           "Material's integrations/search sources, then update MATERIAL_WORKER and this test")


def page_url(meta) -> str:
    rel = Path(meta.path).relative_to("docs").with_suffix("").as_posix()
    return "" if rel == "index" else (rel[: -len("index")] if rel.endswith("/index") else rel + "/")


@pytest.fixture(scope="module")
def site(strict_build) -> Path:
    return strict_build[0]


@pytest.fixture(scope="module")
def search(site):
    return lambda queries: search_worker.query(site, queries)


# --- the override is wired in, and pinned to the Material it was written against --------------

def test_override_wraps_the_worker_material_ships():
    wrapped = re.search(r'const MATERIAL_WORKER = "([^"]+)"', search_worker.WRAPPER.read_text())[1]
    assert (search_worker.MATERIAL_WORKERS / wrapped).is_file(), UPGRADE
    replaced = re.search(r'replace\("workers/([^"]+)", "workers/matcalc-search.js"\)', MAIN_HTML.read_text())[1]
    assert replaced == wrapped, "overrides/main.html and matcalc-search.js name different workers"
    assert f'"assets/javascripts/workers/{wrapped}"' in BASE_HTML.read_text(), UPGRADE
    # what the wrapper relies on inside the worker: lunr exposed as self.lunr, the index built by
    # lunr.Builder#build, one "message" listener posting Material's result
    source = (search_worker.MATERIAL_WORKERS / wrapped).read_text()
    assert "self.lunr=" in source.replace(" ", "") and "Builder.prototype.build" in source, UPGRADE
    assert 'addEventListener("message"' in source, UPGRADE


def test_index_is_held_until_search_is_wanted_and_material_still_fetches_it_the_way_that_relies_on(site):
    """search-index-on-demand.js holds the bundle's XMLHttpRequest for the index: pin both ends."""
    scripts = search_worker.MATERIAL_WORKERS.parent
    bundles = sorted(scripts.glob("bundle.*.min.js"))
    assert len(bundles) == 1, UPGRADE
    bundle = bundles[0].read_text()
    fetches = re.search(r"function (\w+)\(e,t\)\{return new \w+\(r=>\{let o=new XMLHttpRequest", bundle)
    assert fetches and 'new URL("search/search_index.json"' in bundle, (
        f"{UPGRADE}; Material no longer fetches search/search_index.json with XMLHttpRequest, so "
        f"overrides/assets/javascripts/search-index-on-demand.js no longer holds it "
        f"(look in {scripts})")
    page = (site / "determinants" / "index.html").read_text()
    held = page.find("assets/javascripts/search-index-on-demand.js")
    assert 0 <= held < page.find(f"assets/javascripts/{bundles[0].name}"), (
        "search-index-on-demand.js must be loaded before Material's bundle (overrides/main.html)")


def test_built_pages_start_the_sites_worker(site):
    assert search_worker.site_worker_name(site) == "matcalc-search.js"
    assert (site / "assets" / "javascripts" / "workers" / "matcalc-search.js").is_file()


# --- queries ----------------------------------------------------------------------------------

SYNTAX = ["x^T A x gradient", "x^TAx", "dX^-1", "gradient^", "~jacobian", "jacobian~2", "hessian*",
          "*", "+", "-", ":", "title:gradient", "+gradient -hessian", '"chain rule', "a:b:c", "\\frac{a}",
          "((", "||", "^^^", "f'(x)", "∂L/∂W", "∇_x f", "x ∈ ℝ^n"]


def test_no_query_raises_a_syntax_error(search):
    results = search(SYNTAX)
    errors = {q: r["warnings"] for q, r in results.items() if r["warnings"]}
    assert not errors, errors
    for q in ["x^T A x gradient", "x^TAx", "dX^-1", "gradient^", "~jacobian", "title:gradient", "∂L/∂W"]:
        assert results[q]["groups"], f"{q!r} found nothing"


def test_every_section_alias_opens_its_section_first(search):
    owner = {alias: f"{page_url(m)}#{anchor}" for m in METAS for anchor, names in m.section_aliases
             for alias in names}
    assert len(owner) >= 20
    results = search(sorted(owner))
    wrong = {a: visible(results[a]["groups"])[:2] for a in owner
             if visible(results[a]["groups"])[:2] != [owner[a].split("#")[0], owner[a]]}
    assert not wrong, "section alias -> first results shown (expected its page, then its section): " + str(wrong)


def test_a_page_alias_opens_its_page_top(search):
    results = search(["normal equations", "backpropagation", "Kronecker product"])
    assert visible(results["backpropagation"]["groups"])[0] == "chain-rule/"
    assert visible(results["Kronecker product"]["groups"])[0] == "kronecker-vec/"
    assert visible(results["normal equations"]["groups"])[:2] == ["least-squares/",
                                                                  "least-squares/#the-normal-equations"]


@pytest.mark.parametrize("typed, identity", [
    ("x^T A x", "scalar-function-derivatives/#a-quadratic-form"),
    ("xTAx", "scalar-function-derivatives/#a-quadratic-form"),
    ("tr(AXB)", "matrix-function-derivatives/#a-linear-term"),
    ("d/dX tr(AXB)", "matrix-function-derivatives/#a-linear-term"),
    ("d/dX log det X", "determinants/#the-log-determinant"),
    ("vec(AXB)", "kronecker-vec/#the-vec-trick"),
])
def test_a_typed_formula_opens_the_identity(search, typed, identity):
    shown = visible(search([typed])[typed]["groups"])
    assert shown[:2] == [identity.split("#")[0], identity], f"{typed!r}: {shown[:3]}"


@pytest.mark.parametrize("plain, plain_first, qualified, qualified_first", [
    # a hyphenated compound in a heading: "pseudo-inverse" is not "inverse"
    ("rank one update of an inverse", "inverse/#updating-an-inverse",
     "rank one update of the pseudo-inverse", "pseudo-inverse/#a-rank-one-update-of-the-pseudo-inverse"),
    # a proper name qualifying a noun: the "Hadamard product" is not the matrix product
    ("trace of a product of matrices", None, "trace of a hadamard product", "hadamard/"),
])
def test_a_qualified_concept_is_not_a_match_for_its_plain_noun(search, plain, plain_first, qualified,
                                                               qualified_first):
    results = search([plain, qualified])
    shown_plain, shown_qualified = (visible(results[q]["groups"]) for q in (plain, qualified))
    qualified_page = qualified_first.split("#")[0]
    assert shown_plain[0].split("#")[0] != qualified_page, (plain, shown_plain[:3])
    if plain_first:
        assert plain_first in shown_plain[:3], (plain, shown_plain[:3])
    assert shown_qualified[0].split("#")[0] == qualified_page and qualified_first in shown_qualified[:3], (
        qualified, shown_qualified[:3])


def test_typos_plurals_and_joined_forms_find_what_the_correct_form_finds(search):
    pairs = [("jacobain", "jacobian"), ("determinent", "determinant"), ("hessians", "hessian"),
             ("crossentropy", "cross-entropy"), ("cross entropy", "cross-entropy"),
             ("logsumexp", "log-sum-exp"), ("kronecher product", "kronecker product"),
             ("frobenious norm", "frobenius norm")]
    results = search(sorted({q for pair in pairs for q in pair}))
    for variant, correct in pairs:
        first = visible(results[variant]["groups"])[:1]
        assert first and first == visible(results[correct]["groups"])[:1], (variant, correct, first)


def test_stop_words_and_short_words_are_not_prefixes(search):
    results = search(["gradient of quadratic form", "a", "to"])
    assert visible(results["gradient of quadratic form"]["groups"])[0] != "verification/"
    assert not results["a"]["groups"] and not results["to"]["groups"]


def test_a_word_still_being_typed_is_a_prefix(search):
    results = search(["determin", "kronec"])
    assert visible(results["determin"]["groups"])[0] == "determinants/"
    assert visible(results["kronec"]["groups"])[0] == "kronecker-vec/"
