"""Wrong formulas for readers: typeset placeholders, counterexamples in plain words with small numbers."""
import numpy as np

from matcheck.counterexample import describe_difference, explain, number, reword
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.page import check_page, wrong_formula_placeholder, wrong_formula_tex


def scope(where: str) -> Scope:
    return Scope({d.key: d for d in parse_declarations(where)}, {})


def test_numbers_are_written_short_with_a_real_minus():
    assert [number(v) for v in (2.0, -0.5, 0.333333, -0.0001, 1234.5)] == ["2", "\u22120.5", "0.33", "0", "1234"]


def test_difference_names_the_entries_that_differ_and_by_how_much():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    b = np.array([[1.0, 2.5], [3.0, 4.0]])
    text = describe_difference(a, b, ("the left side", "the right side"), "*n* = 2")
    assert text == ("With *n* = 2 and small whole numbers as inputs, both sides are a 2 × 2 matrix, "
                    "but entry (1, 2) is 2 on the left but 2.5 on the right.")


def test_decimals_grow_until_the_values_shown_differ():
    text = describe_difference(np.array([[0.0612]]), np.array([[0.0648]]), ("the left side", "the right side"), "")
    assert "0.061 but the right side is 0.065" in text


def test_a_transposed_gradient_gets_a_small_whole_number_counterexample():
    s = scope("A, X: n x n")
    text = explain(r"\frac{\partial \operatorname{Tr}(A X)}{\partial X} = A", s,
                   "sides 1 and 2 disagree: ...", seed=3)
    assert text.startswith("With *n* = 2 and small whole numbers as inputs, both sides are a 2 × 2 matrix")
    # The differing entries are off-diagonal: A and its transpose share their diagonal.
    assert "entry (1, 2)" in text and "entry (1, 1)" not in text
    # Whole-number inputs give whole-number entries here.
    assert all(float(v.replace("\u2212", "-")).is_integer()
               for v in __import__("re").findall(r"is (\S+) on the left but (\S+) on", text)[0])


def test_shape_mismatch_and_unparsable_forms_are_reworded_without_tex():
    assert reword("shape or evaluation error: side 1 is m x n but side 2 is n x m: dimension m would have "
                  "to equal n") == ("The two sides do not even have the same shape: the left side is m × n "
                                    "but the right side is n × m, which differ unless m = n.")
    text = reword("does not parse: `\\implies` is not in the site's notation (see docs/contributing.md)")
    assert "\\" not in text and "implies" in text


def test_wrong_block_becomes_a_typeset_placeholder_with_its_exact_tex():
    tex = r"\frac{\partial \operatorname{Tr}(C X)}{\partial X} = C"
    page = "\n".join(["# T", "", "/// where", "C, X: n x n", "///", "", '/// wrong "The source\'s form"',
                      tex, "///", ""])
    report = check_page(page, "docs/t.md")
    assert report.error_lines() == [] and report.refuted == 1
    assert '!!! failure wrong "The source\'s form"' in report.markdown
    assert wrong_formula_placeholder(tex) in report.markdown and "```" not in report.markdown
    assert wrong_formula_tex(wrong_formula_placeholder(tex)[len("MATCHECK-WRONG-FORMULA-"):]) == tex


def test_blocks_inside_fenced_code_are_examples_left_as_written():
    page = "\n".join(["# T", "", "```text", "/// where", "x: n", "///", "", "/// wrong", "x = 2 x", "///",
                      "```", "", "$x$", ""])
    report = check_page(page, "docs/t.md")
    assert "/// where\nx: n\n///" in report.markdown and "/// wrong\nx = 2 x\n///" in report.markdown
    assert report.where_boxes == [] and report.refuted == 0
    # Nothing declared x: the example in the fence does not declare it for the math after it.
    assert [r.status for r in report.results] == ["failed"]
    assert "`x` is not declared" in report.results[0].message
