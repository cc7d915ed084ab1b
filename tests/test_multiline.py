"""Multi-line displays (matcheck.multiline): layout only, every relation still checked."""
import pytest

from matcheck.check import check_tex
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.extract import extract
from matcheck.multiline import AlignedError, break_lines, join_lines, visual_length
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


def test_a_long_product_is_continued_between_its_factors():
    tex = (r"p(x) = \frac{1}{\sqrt{\det(2 \pi (\Sigma_1 + \Sigma_2))}} "
           r"\exp\Big(-\frac{1}{2} (m_1 - m_2)^T (\Sigma_1 + \Sigma_2)^{-1} (m_1 - m_2)\Big) q(x)")
    shown = break_lines(tex, 27)
    lines = shown.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}").split(r"\\")
    assert len(lines) >= 3 and all(visual_length(line) <= 27 for line in lines), lines
    assert join_lines(shown) == tex


def test_a_hand_layout_is_kept_when_it_fits_and_laid_out_again_when_it_does_not():
    fits = r"\begin{aligned} & (A + B)^T \\ &= A^T + B^T \end{aligned}"
    assert break_lines(fits, 27) == fits
    too_wide = (r"\begin{aligned} & \rho^2 \Sigma_1 + \rho (1 - \rho) (\Sigma_1 + m_1 m_1^T - m_1 m_2^T) "
                r"+ (1 - \rho)^2 \Sigma_2 \\ &= S \end{aligned}")
    shown = break_lines(too_wide, 27)
    lines = shown.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}").split(r"\\")
    assert all(visual_length(line) <= 27 * 1.1 for line in lines), lines
    assert join_lines(shown) == join_lines(too_wide)
