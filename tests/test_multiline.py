"""Multi-line displays (matcheck.multiline): layout only, every relation still checked."""
import pytest

from matcheck.check import check_tex
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.extract import extract
from matcheck.multiline import AlignedError, join_lines
from matcheck.parse import FormulaSyntaxError, parse


def scope(where: str) -> Scope:
    return Scope({d.key: d for d in parse_declarations(where)}, {})


def test_aligned_lines_join_into_one_chain():
    tex = r"\begin{aligned} a &= b \\ &= c + d \\ &\quad + e \end{aligned}"
    assert join_lines(tex) == "a = b = c + d + e"
    assert parse(tex) == parse("a = b = c + d + e")


def test_qquad_indent_line_break_spacing_and_text_around_are_handled():
    assert join_lines(r"\begin{aligned} x &= y \\[2pt] &\qquad - z \end{aligned}") == "x = y - z"
    assert join_lines(r"L = \begin{aligned} & a \\ & + b \end{aligned}") == "L = a + b"
    assert join_lines("x = y") == "x = y"


def test_a_quad_inside_a_line_is_kept():
    # Only a \quad right after the `&` that starts a line is layout; an annotation stays.
    assert join_lines(r"\begin{aligned} u &= v \quad \text{(scalar u, v)} \end{aligned}") == \
        r"u = v \quad \text{(scalar u, v)}"


@pytest.mark.parametrize("tex, reason", [
    (r"\begin{aligned} a &= b", "is not closed"),
    (r"a &= b \end{aligned}", "without a `\\begin{aligned}`"),
    (r"a &= b", "`&` outside"),
    (r"a = b \\ = c", "line break"),
    (r"\begin{aligned} \begin{aligned} a &= b \end{aligned} \end{aligned}", "inside `aligned`"),
])
def test_malformed_layout_is_a_parse_error_saying_what_to_fix(tex, reason):
    with pytest.raises(AlignedError, match=None) as info:
        join_lines(tex)
    assert reason in info.value.reason
    with pytest.raises(FormulaSyntaxError) as parsed:
        parse(tex)
    assert reason in str(parsed.value)


def test_every_line_of_a_multiline_chain_is_checked():
    s = scope("A, B: n x n; x: n")
    right = r"\begin{aligned} \operatorname{Tr}(A B) &= \operatorname{Tr}(B A) \\ &= \operatorname{Tr}(A^T B^T) \end{aligned}"
    assert check_tex(right, s).status == "verified"
    # A wrong second line fails, and a wrong continued line fails.
    wrong_link = r"\begin{aligned} \operatorname{Tr}(A B) &= \operatorname{Tr}(B A) \\ &= \operatorname{Tr}(A^T B) \end{aligned}"
    v = check_tex(wrong_link, s)
    assert v.status == "failed" and "sides 2 and 3 disagree" in v.message
    wrong_term = r"\begin{aligned} (A + B) x &= A x \\ &\quad + B^T x \end{aligned}"
    assert check_tex(wrong_term, s).status == "failed"
    assert check_tex(wrong_term.replace("B^T", "B"), s).status == "verified"


def test_extract_keeps_the_layout_for_the_reader():
    page = "\n".join(["$$", r"\begin{aligned}", r"a &= b \\", r"&= c", r"\end{aligned}", "$$"])
    (math,) = extract(page)
    assert math.display and math.tex == r"\begin{aligned} a &= b \\ &= c \end{aligned}"
