"""matcheck.searchtext: the plain keys a formula is found by, and the search box reading a typed
formula into the same keys (the worker's canonicalFormula/searchKey/patternKey, run in Node)."""
import pytest

from matcheck.parse import parse
from matcheck.searchtext import formula_keys, pattern_key, search_key, spellings

import search_worker

# (what a reader types, a formula of the site it must find: TeX as on the page)
TYPED = [
    ("x^T A x", r"\frac{\partial (x^T A x)}{\partial x} = (A + A^T) x"),
    ("xTAx", r"\frac{\partial (x^T A x)}{\partial x} = (A + A^T) x"),
    ("x'Ax", r"\frac{\partial (x^T A x)}{\partial x} = (A + A^T) x"),
    ("x^T A y", r"\frac{\partial (a^T X b)}{\partial X} = a b^T"),
    ("tr(AXB)", r"\frac{\partial \operatorname{Tr}(A X B)}{\partial X} = A^T B^T"),
    ("Tr(A X^{-1} B)", r"\frac{\partial \operatorname{Tr}(A X^{-1} B)}{\partial X} = -(X^{-1} B A X^{-1})^T"),
    ("d/dX tr(AXB)", r"\frac{\partial \operatorname{Tr}(A X B)}{\partial X} = A^T B^T"),
    ("d/dX log det X", r"\frac{\partial \log \det(P)}{\partial P} = P^{-1}"),
    ("grad_X log det X", r"\frac{\partial \log \det(P)}{\partial P} = P^{-1}"),
    ("||Xw - y||^2", r"L := \|y - X w\|^2"),
    ("||Ax-b||^2", r"L := \|y - X w\|^2"),
    ("norm(y - Xw)^2", r"L := \|y - X w\|^2"),
    ("A ⊗ B", r"(A \otimes B)^T = A^T \otimes B^T"),
    ("kron(A, B)", r"(A \otimes B)^T = A^T \otimes B^T"),
    ("inv(X)", r"\frac{\partial \log \det(P)}{\partial P} = P^{-1}"),
    ("vec(AXB)", r"\operatorname{vec}(A X B) = (B^T \otimes A) \operatorname{vec}(X)"),
]


def test_key_ignores_spacing_brackets_and_case():
    assert search_key("x^T A x") == search_key("xTAx") == search_key("x ^T  A x") == "xtax"
    assert search_key(r"Tr(A X^{-1} B)") == search_key("tr(a x^-1 b)") == "traxinvb"
    assert search_key("A ⊗ B") == "akronb" and search_key("||x||^2") == "normxnorm2"


def test_pattern_key_renames_symbols_in_order_of_appearance():
    marked = spellings(parse(r"a^T X b").sides[0])[0]
    assert pattern_key(marked) == "atab"
    assert pattern_key(spellings(parse(r"x^T A y").sides[0])[0]) == "atab"
    assert pattern_key(spellings(parse(r"x^T A x").sides[0])[0]) == "ataa"   # one symbol twice


def test_keys_come_from_every_subexpression():
    keys = formula_keys(parse(r"\frac{\partial \operatorname{Tr}(A X B)}{\partial X} = A^T B^T"))
    assert {"dtraxbdx", "traxb", "axb", "atbt", "trabc"} <= set(keys)
    residual = formula_keys(parse(r"L := \|y - X w\|^2"))
    assert {"normyxwnorm2", "normxwynorm2"} <= set(residual)   # both orders of the two terms


def test_a_notation_formula_gives_no_keys_and_short_keys_are_dropped():
    assert formula_keys(parse(r"x \in \mathbb{R}^n")) == []
    assert all(3 <= len(k) for k in formula_keys(parse(r"(A + B)^T = A^T + B^T")))


@pytest.fixture(scope="module")
def typed_keys():
    return search_worker.formula_keys_typed([t for t, _ in TYPED])


@pytest.mark.parametrize("typed, tex", TYPED)
def test_a_typed_formula_meets_the_formula_on_the_page(typed_keys, typed, tex):
    indexed = set(formula_keys(parse(tex)))
    read = typed_keys[typed]
    assert read["key"] in indexed or read["pattern"] in indexed, (
        f"typed {typed!r} reads as {read}; the formula's keys are {sorted(indexed)}")


def test_box_and_index_use_one_key_rule(typed_keys):
    # searchKey in the worker and search_key here agree on the same canonical text
    for typed, read in typed_keys.items():
        assert read["key"] == search_key(read["canonical"]), typed


def test_box_and_index_spell_operators_alike():
    import json
    import re

    from matcheck.searchtext import KEY_WORDS

    js = search_worker.WRAPPER.read_text(encoding="utf-8")
    table = re.search(r"const KEY_WORDS = (\[.*?\]\]);", js, re.S)[1]
    assert [tuple(pair) for pair in json.loads(table)] == list(KEY_WORDS)
