"""The Cookbook's notation, as the checker reads it: each form verifies when right, fails when
wrong, and its mutants are killed."""
import pytest

from matcheck.check import check_tex
from matcheck.declare import parse_declarations
from matcheck.evaluate import Scope
from matcheck.mutate import mutation_test
from matcheck.parse import parse
from matcheck.printer import to_tex


def scope_of(decls, *defs):
    s = Scope({d.key: d for d in parse_declarations(decls)}, {})
    for d in defs:
        assert check_tex(d, s).status == "definition", d
    return s


EIG = "A: n x n symmetric; \\lambda: eigenvalues of A; v: eigenvectors of A; i: index"
CASES = [
    # (right, wrong, declarations)
    (r"(\mathbf{A} + \mathbf{0}) \mathbf{I} = \mathbf{A}", r"(\mathbf{A} + \mathbf{I}) \mathbf{I} = \mathbf{A}", "A: n x n"),
    (r"\frac{\partial \operatorname{Tr}(X^{k})}{\partial X} = k (X^{k-1})^T",
     r"\frac{\partial \operatorname{Tr}(X^{k})}{\partial X} = k X^{k-1}", "X: n x n; k: integer"),
    (r"\frac{\partial c^{n}}{\partial c} = n c^{n-1}", r"\frac{\partial c^{n}}{\partial c} = n c^{n}", "c: scalar; n: integer"),
    (r"\det(c A) = c^{n} \det(A)", r"\det(c A) = c \det(A)", "c: scalar; A: n x n"),
    (r"\det(A)^{m} = \det(A^{m})", r"\det(A)^{m} = m \det(A)", "A: n x n; m: integer"),
    (r"\frac{\partial \operatorname{Tr}(A X^{k})}{\partial X} = \sum_{r=0}^{k-1} (X^{r} A X^{k-1-r})^T",
     r"\frac{\partial \operatorname{Tr}(A X^{k})}{\partial X} = \sum_{r=0}^{k-1} X^{r} A X^{k-1-r}", "X, A: n x n; k: integer"),
    (r"\prod_{i=1}^{k} c = c^{k}", r"\prod_{i=1}^{k} c = k c", "c: scalar; k: integer"),
    (r"\sum_{i=1}^{n} x_i y_i = x^T y", r"\sum_{i=1}^{n} x_i x_i = x^T y", "x, y: n"),
    (r"\frac{\partial |X|}{\partial X} = |X| X^{-T}", r"\frac{\partial |X|}{\partial X} = |X| X^{-1}", "X: n x n"),
    (r"|A B| = |A| |B|", r"|A + B| = |A| + |B|", "A, B: n x n"),
    (r"\ln |X| = \ln |X|", r"\ln |2 X| = \ln |X|", "X: n x n posdet"),
    (r"\operatorname{adj}(X) X = |X| \mathbf{I}", r"\operatorname{adj}(X) X = \mathbf{I}", "X: n x n"),
    (r"A A^{+} A = A", r"A^{+} A A^{+} = A", "A: m x n"),
    (r"(A^{\dagger})^{\dagger} = A", r"(A^{\dagger})^T = A", "A: m x n"),
    (r"\frac{\partial^2 (x^T A x)}{\partial x^2} = A + A^T", r"\frac{\partial^2 (x^T A x)}{\partial x^2} = 2 A", "x: n; A: n x n"),
    (r"\frac{\partial^2 (x^T A x)}{\partial x \partial x^T} = A + A^T", r"\frac{\partial^2 (x^T A x)}{\partial x \partial x^T} = A",
     "x: n; A: n x n"),
    (r"\mathbf{ABC} = A B C", r"\mathbf{ABC} = A C B", "A, B, C: n x n"),
    (r"2 \pi e = 2 e \pi", r"2 \pi = e", ""),
    (r"\frac{\partial (X^{-1})_{kl}}{\partial X_{ij}} = -(X^{-1})_{ki} (X^{-1})_{jl}",
     r"\frac{\partial (X^{-1})_{kl}}{\partial X_{ij}} = -(X^{-1})_{kj} (X^{-1})_{il}", "X: n x n; i, j, k, l: index"),
    (r"(A B)_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj}", r"(A B)_{ij} = \sum_{k=1}^{n} A_{ki} B_{kj}", "A: n x n; B: n x p; i, j: index"),
    (r"\frac{\partial e^{t A}}{\partial t} = A e^{t A}", r"\frac{\partial e^{t A}}{\partial t} = e^{t A}", "A: n x n; t: scalar"),
    (r"(e^{A})^T = e^{A^T}", r"(e^{A})^T = e^{A}", "A: n x n"),
    (r"e^{\operatorname{Tr}(A)} = \det(e^{A})", r"e^{\operatorname{Tr}(A)} = \operatorname{Tr}(e^{A})", "A: n x n"),
    (r"\operatorname{Tr}(e^{B^T B}) = \operatorname{Tr}(e^{B B^T}) + n - m",
     r"\operatorname{Tr}(e^{B^T B}) = \operatorname{Tr}(e^{B B^T})", "B: m x n"),
    (r"\|W \circ X\|_F^2 = \operatorname{Tr}((W \circ X)^T (W \circ X))",
     r"\|W \circ X\|_F^2 = \operatorname{Tr}((W \circ X) (W \circ X)^T) + 1", "W, X: m x n"),
    (r"\|A \otimes B\|_F = \|A\|_F \|B\|_F", r"\|A \otimes B\|_F = \|A\|_F + \|B\|_F", "A: m x n; B: p x q"),
    (r"|A \otimes B| = |A|^{p} |B|^{n}", r"|A \otimes B| = |A|^{n} |B|^{p}", "A: n x n; B: p x p"),
    (r"\frac{\partial^2 F^{-1}}{\partial t^2} = 2 F^{-1} \frac{\partial F}{\partial t} F^{-1} \frac{\partial F}{\partial t} F^{-1} - F^{-1} \frac{\partial^2 F}{\partial t^2} F^{-1}",
     r"\frac{\partial^2 F^{-1}}{\partial t^2} = 2 F^{-1} \frac{\partial F}{\partial t} F^{-1} \frac{\partial F}{\partial t} F^{-1} + F^{-1} \frac{\partial^2 F}{\partial t^2} F^{-1}",
     "t: scalar; F: n x n function of t, invertible"),
    (r"\|X\|_{\mathrm{F}}^2 = \operatorname{Tr}(X^T X)", r"\|X\|_{\mathrm{F}}^2 = \operatorname{Tr}(X X)", "X: n x n"),
    (r"\det(e^{X}) = \exp(\operatorname{Tr}(X))", r"\det(e^{X}) = \operatorname{Tr}(e^{X})", "X: n x n"),
    (r"e^{X} e^{-X} = \mathbf{I}", r"e^{X} e^{X} = \mathbf{I}", "X: n x n"),
    (r"\frac{\partial \operatorname{Tr}(e^{X})}{\partial X} = (e^{X})^T", r"\frac{\partial \operatorname{Tr}(e^{X})}{\partial X} = e^{X}",
     "X: n x n"),
    (r"\frac{\partial \operatorname{Tr}(\operatorname{sinm}(X))}{\partial X} = \operatorname{cosm}(X)^T",
     r"\frac{\partial \operatorname{Tr}(\operatorname{sinm}(X))}{\partial X} = \operatorname{cosm}(X)", "X: n x n"),
    (r"\sin(x) \odot \sin(x) + \cos(x) \odot \cos(x) = \mathbf{1}", r"\sin(x) + \cos(x) = \mathbf{1}", "x: n"),
    (r"\frac{\partial \lambda_i}{\partial A} = v_i v_i^T", r"\frac{\partial \lambda_i}{\partial A} = v_i^T v_i \mathbf{I}", EIG),
    (r"A v_i = \lambda_i v_i", r"A v_i = \lambda_i \mathbf{1}", EIG),
    (r"\frac{\partial (A X B)}{\partial X_{ij}} = A J^{ij} B", r"\frac{\partial (A X B)}{\partial X_{ij}} = B J^{ij} A",
     "A, X, B: n x n; J: n x n single-entry; i, j: index"),
    (r"\frac{\partial \operatorname{Tr}(A X)}{\partial X} = A + A^T - (A \odot \mathbf{I})",
     r"\frac{\partial \operatorname{Tr}(A X)}{\partial X} = A^T", "A: n x n; X: n x n symmetric structured"),
    (r"\frac{\partial \det(X)}{\partial X} = \det(X) (2 X^{-1} - (X^{-1} \odot \mathbf{I}))",
     r"\frac{\partial \det(X)}{\partial X} = \det(X) X^{-1}", "X: n x n symmetric structured"),
    (r"\frac{\partial \operatorname{Tr}(A X)}{\partial X} = A \odot \mathbf{I}",
     r"\frac{\partial \operatorname{Tr}(A X)}{\partial X} = A^T", "A: n x n; X: n x n diagonal structured"),
    (r"\mathbf{1}^T \lambda = \operatorname{Tr}(A)", r"\mathbf{1}^T \lambda = \det(A)", EIG),
    (r"\frac{\partial v_i}{\partial t} = (\lambda_i \mathbf{I} - B)^{+} \frac{\partial B}{\partial t} v_i",
     r"\frac{\partial v_i}{\partial t} = (B - \lambda_i \mathbf{I})^{+} \frac{\partial B}{\partial t} v_i",
     "t: scalar; B: n x n symmetric function of t; \\lambda: eigenvalues of B; v: eigenvectors of B; i: index"),
]


@pytest.mark.parametrize("right, wrong, decls", CASES)
def test_notation_right_verifies_wrong_fails(right, wrong, decls):
    v = check_tex(right, scope_of(decls), draws=20)
    assert v.status == "verified", v.message
    assert check_tex(wrong, scope_of(decls), draws=20).status == "failed"


@pytest.mark.parametrize("right, wrong, decls", CASES)
def test_notation_mutants_are_killed(right, wrong, decls):
    report = mutation_test(right, scope_of(decls))
    assert report.survived == [] and report.bare_sides == [] and report.killed


@pytest.mark.parametrize("right, wrong, decls", CASES)
def test_notation_prints_back(right, wrong, decls):
    for side in parse(right).sides:
        assert parse(to_tex(side)).sides[0] == side


def test_a_defined_function_applied_to_its_argument_is_the_function():
    s = scope_of("x, m: n; S: n x n spd", r"p(x) := \exp(-\frac{1}{2} (x - m)^T S^{-1} (x - m))")
    assert check_tex(r"\frac{\partial p(x)}{\partial x} = -p(x) S^{-1} (x - m)", s).status == "verified"
    assert check_tex(r"\frac{\partial p(x)}{\partial x} = p(x) S^{-1} (x - m)", s).status == "failed"
    # defined without an argument, p(x) is still p times x
    s2 = scope_of("x, m: n; S: n x n spd", r"p := \exp(-\frac{1}{2} (x - m)^T S^{-1} (x - m))")
    assert "shape" in check_tex(r"\frac{\partial p(x)}{\partial x} = -p S^{-1} (x - m)", s2).message or \
        check_tex(r"\frac{\partial p(x)}{\partial x} = -p S^{-1} (x - m)", s2).status == "failed"


def test_integer_declaration_is_described_and_sampled_positive():
    from matcheck.declare import describe
    (k,) = parse_declarations("k: integer")
    assert "integer" in describe(k)
    assert check_tex(r"\prod_{i=1}^{k} 2 = 2^{k}", scope_of("k: integer"), draws=50).status == "verified"


def test_a_bound_index_out_of_range_is_an_error():
    v = check_tex(r"\sum_{i=0}^{n} x_i = \mathbf{1}^T x", scope_of("x: n"))
    assert v.status == "failed"


def test_eigen_needs_a_symmetric_matrix():
    v = check_tex(r"\mathbf{1}^T \lambda = \operatorname{Tr}(A)", scope_of(r"A: n x n; \lambda: eigenvalues of A"))
    assert v.status == "failed" and "symmetric" in v.message


def test_bars_of_a_vector_say_what_to_write():
    v = check_tex(r"|x| = |x|", scope_of("x: n"))
    assert v.status == "failed" and "\\|x\\|" in v.message


def test_structured_and_entrywise_gradients_differ_and_are_described():
    from matcheck.declare import describe
    tex = r"\frac{\partial \operatorname{Tr}(A X)}{\partial X} = A^T"
    assert check_tex(tex, scope_of("A: n x n; X: n x n symmetric")).status == "verified"
    assert check_tex(tex, scope_of("A: n x n; X: n x n symmetric structured")).status == "failed"
    (x,) = parse_declarations("X: n x n symmetric structured")
    assert "free entries" in describe(x)
