"""The grammar: each construct of the site's notation parses to the intended tree; bad TeX fails
with a column and a reason."""
import pytest

from matcheck.parse import FormulaSyntaxError, parse
from matcheck.tree import Deriv, Func, Identity, Inv, Mul, Num, Pow, Sym, T


def side(tex, k=0):
    return parse(tex).sides[k]


@pytest.mark.parametrize("tex", [r"X^T", r"X^\top", r"X^{\mathsf T}", r"X^{\mathsf{T}}", r"X^{T}"])
def test_transpose_spellings(tex):
    assert side(tex) == T(Sym("X"))


def test_inverse_and_power():
    assert side(r"A^{-1}") == Inv(Sym("A"))
    assert side(r"\|x\|^2") == Pow(Func("norm", Sym("x")), 2)
    assert side(r"\|X - A\|_F^2").arg.name == "fro"


@pytest.mark.parametrize("tex", [r"\operatorname{Tr}(AX)", r"\text{Tr}(AX)", r"\mathrm{tr}(AX)", r"\operatorname{tr}(AX)"])
def test_trace_spellings(tex):
    assert side(tex) == Func("tr", Mul((Sym("A"), Sym("X"))))


def test_decorations_and_bold():
    assert side(r"\mathbf{S_0}") == Sym("S", "0") == side(r"\mathbf{S}_0")
    assert side(r"\boldsymbol{w}") == Sym("w")
    assert side(r"\hat{y}") == Sym(r"\hat{y}")
    assert side(r"\tilde{x}") != side("x")


def test_derivative_forms():
    d = side(r"\frac{\partial \operatorname{Tr}(AX)}{\partial X}")
    assert isinstance(d, Deriv) and d.var == Sym("X")
    op = side(r"\frac{\partial}{\partial w} (y - Xw)^T (y - Xw)")
    assert isinstance(op, Deriv) and isinstance(op.expr, Mul)  # applies to the rest of the product
    nab = side(r"A^T \nabla_u y")
    assert isinstance(nab, Mul) and isinstance(nab.factors[1], Deriv)


def test_chain_and_definition():
    f = parse(r"a = b = c")
    assert f.rels == ("=", "=") and len(f.sides) == 3
    assert parse(r"L := x^T x").is_definition
    assert parse(r"L \coloneqq x^T x").is_definition


def test_identity_zero_delta_index():
    assert side("I") == Identity()
    assert side("0") == Num(0)
    assert side(r"\hat{y}_i (\delta_{ij} - \hat{y}_j)").factors[0] == Sym(r"\hat{y}", "i")


def test_annotation_is_kept_apart():
    f = parse(r"\frac{\partial (uv)}{\partial x} = u' \quad \text{(scalar u, v)}".replace("u'", "u"))
    assert f.annotation == "(scalar u, v)"


@pytest.mark.parametrize("tex, column, reason", [
    (r"x + \foo y", 5, r"`\foo` is not in the site's notation"),
    (r"\frac{a}{", 10, "ends too early"),
    (r"a = = b", 5, "unexpected `=`"),
])
def test_errors_name_column_and_reason(tex, column, reason):
    with pytest.raises(FormulaSyntaxError) as exc:
        parse(tex)
    assert exc.value.column == column
    assert reason in str(exc.value)


def test_fast_and_reference_parsers_agree_on_every_site_formula():
    from pathlib import Path

    from matcheck.extract import extract
    from matcheck.parse import _FAST, _one_line, _ToAst, parse_reference

    root = Path(__file__).resolve().parent.parent
    texs = set()
    for f in list((root / "docs").rglob("*.md")) + [root / "source" / "matrix-calculus-cheat-sheet.md"]:
        texs |= {m.tex for m in extract(f.read_text())}
    fast_ok = 0
    for tex in sorted(texs):
        try:
            fast = _ToAst().transform(_FAST.parse(_one_line(tex)))
        except Exception:
            continue
        fast_ok += 1
        assert fast == parse_reference(tex), tex
    assert fast_ok >= 0.9 * len(texs)
