"""The grammar's growth for the ML pages: Hadamard and Kronecker products, vec, diag, the ones
vector, elementwise functions and their derivatives, sigmoid, log-sum-exp, Hessians, X^{-T}.
Each addition: a right identity verifies, a wrong one fails, and its mutants are killed."""
import pytest

from matcheck.check import check_tex
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.mutate import mutation_test


def scope(decls):
    return Scope({d.key: d for d in parse_declarations(decls)}, {})


CASES = [
    ("x, y: n", r"\mathbf{1}^T (x \odot y) = x^T y", r"\mathbf{1}^T (x \odot y) = x^T x"),
    ("x, y: n", r"\operatorname{diag}(x) y = x \odot y", r"\operatorname{diag}(x) y = x"),
    ("X: n x p\nA: m x n\nB: p x q", r"\operatorname{vec}(AXB) = (B^T \otimes A) \operatorname{vec}(X)",
     r"\operatorname{vec}(AXB) = (A \otimes B^T) \operatorname{vec}(X)"),
    ("x: n\nA: n x n", r"\nabla^2_x (x^T A x) = A + A^T", r"\nabla^2_x (x^T A x) = 2A"),
    ("x: n", r"\frac{\partial^2 \operatorname{logsumexp}(x)}{\partial x \partial x^T} = \operatorname{diag}(\operatorname{softmax}(x)) - \operatorname{softmax}(x) \operatorname{softmax}(x)^T",
     r"\frac{\partial^2 \operatorname{logsumexp}(x)}{\partial x \partial x^T} = \operatorname{diag}(\operatorname{softmax}(x))"),
    ("x: n\nf: elementwise function", r"\frac{\partial f(x)}{\partial x} = \operatorname{diag}(f'(x))",
     r"\frac{\partial f(x)}{\partial x} = \operatorname{diag}(f(x))"),
    ("z: n", r"\frac{\partial \sigma(z)}{\partial z} = \operatorname{diag}(\sigma(z) \odot (1 - \sigma(z)))",
     r"\frac{\partial \sigma(z)}{\partial z} = \operatorname{diag}(\sigma(z))"),
    ("X: n x n posdet", r"\frac{\partial \log \det X}{\partial X} = X^{-T}", r"\frac{\partial \log \det X}{\partial X} = X^{-1}"),
]


@pytest.mark.parametrize("decls, right, wrong", CASES, ids=[c[1][:40] for c in CASES])
def test_extension_right_verifies_wrong_fails_mutants_killed(decls, right, wrong):
    s = scope(decls)
    assert check_tex(right, s).status == "verified"
    assert check_tex(wrong, s).status == "failed"
    report = mutation_test(right, s)
    assert report.killed and report.survived == []


def test_kronecker_shape_error_names_product_dimensions():
    v = check_tex(r"\operatorname{vec}(AXB) = (B \otimes A) \operatorname{vec}(X)", scope("X: n x p\nA: m x n\nB: p x q"))
    assert v.status == "failed" and "·" in v.message


@pytest.mark.parametrize("layout, gradient, jacobian", [
    ("numerator", "a^T", "A"),
    ("denominator", "a", "A^T"),
    ("mixed", "a", "A"),
])
def test_layouts_read_derivatives_their_own_way(layout, gradient, jacobian):
    s = scope(f"derivatives: {layout} layout\na, x: n\nA: m x n")
    assert check_tex(rf"\frac{{\partial (a^T x)}}{{\partial x}} = {gradient}", s).status == "verified"
    assert check_tex(rf"\frac{{\partial (A x)}}{{\partial x}} = {jacobian}", s).status == "verified"
    other = {"a^T": "a", "a": "a^T"}[gradient]
    assert check_tex(rf"\frac{{\partial (a^T x)}}{{\partial x}} = {other}", s).status == "failed"
    # nabla is the column gradient whatever the layout
    assert check_tex(r"\nabla_x (a^T x) = a", s).status == "verified"


def test_wrong_blocks_show_the_counterexample_and_must_stay_wrong():
    from matcheck.page import check_page
    page = "\n".join([
        "# T", "", "/// where", "z: n", "///", "",
        "/// wrong", r"\frac{\partial \operatorname{softmax}(z)}{\partial z} = \operatorname{diag}(\operatorname{softmax}(z))", "///", "",
        "/// wrong", "z = z", "///", ""])
    report = check_page(page, "docs/t.md")
    # In plain words, with small numbers: which entries differ and by how much (matcheck.counterexample).
    import re
    assert re.search(r"\*\*The checker's counterexample:\*\* With \*n\* = 2 and small whole numbers as inputs, "
                     r"both sides are a 2 × 2 matrix, but entry \(\d, \d\) is \S+ on the left but \S+ on the right",
                     report.markdown)
    assert report.error_lines() == ["docs/t.md:11: formula `z = z` is marked wrong, but the checker finds it "
                                    "verified: show it as a right formula instead"]
    assert report.refuted == 2


def test_invertible_matrices_have_determinants_of_both_signs():
    # log det of a merely invertible matrix must fail on some draw (det < 0), so a page has to
    # declare `posdet` to use it.
    v = check_tex(r"\frac{\partial \log \det X}{\partial X} = X^{-T}", scope("X: n x n invertible"), draws=10)
    assert v.status == "failed" and "log of a non-positive value" in v.message


def test_sizes_of_I_and_ones_come_from_the_formula_or_fail():
    s = scope("A: m x n\nX: n x p\nx: n")
    assert check_tex(r"\operatorname{vec}(A X) = (I \otimes A) \operatorname{vec}(X)", s).status == "verified"
    assert check_tex(r"\frac{\mathbf{1}^T x}{n} = \frac{x^T \mathbf{1}}{n}", s).status == "verified"
    v = check_tex(r"\mathbf{1}^T \mathbf{1} = \mathbf{1}^T \mathbf{1}", s)
    assert v.status == "failed" and "cannot be inferred" in v.message


def test_nested_derivative_matches_the_hessian():
    s = scope("x: n\nf: scalar function of x")
    assert check_tex(r"\frac{\partial \nabla_x f}{\partial x} = \nabla^2_x f", s).status == "verified"
