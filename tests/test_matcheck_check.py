"""The checker on formulas it must accept and formulas it must reject, with the evidence."""
import subprocess
import sys
from pathlib import Path

import pytest

from matcheck.check import check_tex
from matcheck.declare import DeclarationError, parse_declarations
from matcheck.evaluate import Scope

ROOT = Path(__file__).resolve().parent.parent


def scope(decls, *defs):
    s = Scope({d.key: d for d in parse_declarations(decls)}, {})
    for d in defs:
        assert check_tex(d, s).status == "definition"
    return s


TRACE = "X: m x n\nA, B: matrix"


@pytest.mark.parametrize("tex", [
    r"\frac{\partial \text{Tr}(AX)}{\partial X} = A^T",
    r"\frac{\partial \text{Tr}(XA)}{\partial X} = A^T",
    r"\frac{\partial \text{Tr}(X^T A)}{\partial X} = A",
    r"\frac{\partial \text{Tr}(AX^T)}{\partial X} = A",
    r"\frac{\partial \text{Tr}(AXB)}{\partial X} = A^T B^T",
    r"\frac{\partial \|X - A\|_F^2}{\partial X} = 2(X-A)",
])
def test_trace_identities_verify(tex):
    v = check_tex(tex, scope(TRACE))
    assert v.status == "verified", v.message
    assert v.draws == 5 and v.max_rel_err < 1e-6


@pytest.mark.parametrize("tex, evidence", [
    (r"\frac{\partial \text{Tr}(XA)}{\partial X} = A", "side 1 is m x n but side 2 is n x m"),
    (r"\frac{\partial \text{Tr}(AX^T)}{\partial X} = A^T", "side 1 is m x n but side 2 is n x m"),
    (r"\frac{\partial \text{Tr}(AXB)}{\partial X} = B^T A^T", "dimension"),
    (r"\frac{\partial \|X - A\|_F^2}{\partial X} = (X-A)", "disagree"),
])
def test_wrong_trace_identities_fail_with_evidence(tex, evidence):
    v = check_tex(tex, scope(TRACE))
    assert v.status == "failed"
    assert evidence in v.message


def test_quadratic_form_needs_symmetry_and_reports_values():
    general = scope("x: n\nA: n x n")
    v = check_tex(r"\frac{\partial (x^T A x)}{\partial x} = 2 A x", general)
    assert v.status == "failed" and "max relative error" in v.message and v.seed is not None
    symmetric = scope("x: n\nA: n x n symmetric")
    assert check_tex(r"\frac{\partial (x^T A x)}{\partial x} = 2 A x", symmetric).status == "verified"


def test_chain_rule_with_abstract_function_and_definition():
    s = scope("A: m x n\nx: n\ny: scalar function of u", r"u := Ax")
    assert check_tex(r"\nabla_x y = A^T \nabla_u y", s).status == "verified"
    assert check_tex(r"\nabla_x y = A \nabla_u y", s).status == "failed"


def test_index_notation_softmax_jacobian():
    s = scope("z: K\ny: K onehot\ni, j: index", r"\hat{y} := \operatorname{softmax}(z)", r"L := -y^T \log(\hat{y})")
    assert check_tex(r"\frac{\partial \hat{y}_i}{\partial z_j} = \hat{y}_i (\delta_{ij} - \hat{y}_j)", s).status == "verified"
    assert check_tex(r"\frac{\partial \hat{y}_i}{\partial z_j} = \hat{y}_i \delta_{ij}", s).status == "failed"
    assert check_tex(r"\frac{\partial L}{\partial z} = \hat{y} - y", s).status == "verified"


def test_matrix_function_of_scalar_inverse_and_product_rule():
    s = scope("x: scalar\nA, B: n x n function of x, invertible")
    assert check_tex(r"\frac{\partial A^{-1}}{\partial x} = -A^{-1} \frac{\partial A}{\partial x} A^{-1}", s).ok
    assert check_tex(r"\frac{\partial A^{-1}}{\partial x} = -A^{-2} \frac{\partial A}{\partial x}", s).status == "failed"
    assert check_tex(r"\frac{\partial (AB)}{\partial x} = \frac{\partial B}{\partial x} A + B \frac{\partial A}{\partial x}", s).status == "failed"


def test_layout_row_vector_derivative_is_rejected():
    s = scope("x: n\ny: m function of x")
    v = check_tex(r"\frac{\partial}{\partial x} (y(x)^T) = 0", s)
    assert v.status == "failed" and "row vector" in v.message
    assert check_tex(r"\frac{\partial y}{\partial x} \in \mathbb{R}^{m \times n}", s).status == "verified"
    assert check_tex(r"\frac{\partial y}{\partial x} \in \mathbb{R}^{n \times m}", s).status == "failed"


def test_undeclared_symbol_and_notation_in_equation_fail():
    s = scope("x: n")
    assert "not declared" in check_tex(r"x = z", s).message
    v = check_tex(r"x = \left[ x_1, \dots \right]", s)
    assert v.status == "failed" and "notation" in v.message


def test_tall_matrices_get_more_rows_than_columns():
    s = scope("X: m x n tall\ny: m", r"\hat{w} := (X^T X)^{-1} X^T y")
    assert check_tex(r"X^T X \hat{w} = X^T y", s).status == "verified"


def test_bad_declarations_say_what_to_write():
    with pytest.raises(DeclarationError, match="expected `names: shape"):
        parse_declarations("A: m by n")
    with pytest.raises(DeclarationError, match="square"):
        parse_declarations("S: m x n symmetric")


def test_cli_verifies_and_gives_counterexample():
    ok = subprocess.run([sys.executable, "-m", "matcheck", "check",
                         r"\frac{\partial \operatorname{Tr}(AX)}{\partial X} = A^T", "--where", "A: m x n, X: n x m"],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.startswith("verified") and "max relative error" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "matcheck", "check",
                          r"\frac{\partial (x^T A x)}{\partial x} = 2Ax", "--where", "A: n x n; x: n"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "counterexample" in bad.stdout and "--seed" in bad.stdout


def _matcheck(*args, cwd):
    return subprocess.run([sys.executable, "-m", "matcheck", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_page_command_names_a_missing_or_outside_path_without_a_traceback(tmp_path):
    missing = _matcheck("page", "docs/no-such-page.md", cwd=ROOT)
    assert missing.returncode != 0 and "no such file" in missing.stderr, missing.stderr
    outside = tmp_path / "elsewhere.md"
    outside.write_text("$$\nx = x\n$$\n", encoding="utf-8")
    away = _matcheck("page", str(outside), cwd=ROOT)
    assert away.returncode != 0 and "not inside the site's root" in away.stderr, away.stderr
    assert "Traceback" not in missing.stderr + away.stderr


def test_a_site_without_a_source_audit_checks_its_pages(tmp_path):
    """Another project's docs/: no source/audit.yml, so no errata; its pages are still checked."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        "# P\n\n/// where\nA: m x n\n///\n\n$$\n(A^T)^T = A\n$$\n\n$$\n(A^T)^T = 2 A\n$$\n",
        encoding="utf-8")
    out = _matcheck("page", "docs/page.md", cwd=tmp_path)
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode == 1 and "docs/page.md:12" in out.stdout and "1 verified" in out.stdout, out.stdout
