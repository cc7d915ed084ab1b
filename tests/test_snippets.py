"""The runnable snippets in snippets/: each one runs as a reader would run it, and each one is shown.

- Every snippet runs in a fresh interpreter (`sys.executable -I`), from an empty temporary working
  directory, with a timeout; it must exit 0 and print only passing check lines. A failing, crashing
  or hanging snippet fails its own test, named by its path.
- The runner itself is tested: a snippet that raises, one that hangs, one that exits non-zero and
  one that prints FAIL but exits 0 are all reported as failures.
- Inventory: every snippet is included on its own page (snippets/<page>/ -> docs/<page>.md, with
  pymdownx.snippets `--8<--`), every include names an existing snippet, and every page section
  (h2/h3) with a display formula that claims something (an `=` that is not a `:=` definition)
  includes at least one snippet.
- Self-containment: snippets import only numpy, sympy and the standard library.
- SymPy findings: the behaviour snippets/README.md reports is still SymPy's (a SymPy upgrade that
  fixes a bug fails the test, so the README gets updated instead of going stale).
"""
from __future__ import annotations

import ast
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from buildrun import SNIPPET_TIMEOUT
from buildrun.snippets import run_snippet as _run_snippet

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = ROOT / "snippets"
DOCS = ROOT / "docs"
SNIPPETS = sorted(SNIPPETS_DIR.rglob("*.py"))
TIMEOUT = SNIPPET_TIMEOUT  # seconds per snippet (30); they take about one


def rel(path: Path, root: Path = ROOT) -> str:
    return path.relative_to(root).as_posix()


# --- the runner ----------------------------------------------------------------------------------
# The build's own runner (buildrun.snippets): a fresh `python -I`, an empty working directory, no
# network, TIMEOUT seconds. Here without its cache: pytest runs every snippet every time.

def run_snippet(path: Path, timeout: float = TIMEOUT):
    return _run_snippet(path, timeout, root=ROOT)


@pytest.fixture(scope="module")
def runs() -> dict:
    """All snippets, run in parallel (each in its own process) once per test session."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(SNIPPETS, pool.map(run_snippet, SNIPPETS)))


@pytest.mark.parametrize("path", SNIPPETS, ids=[rel(p) for p in SNIPPETS])
def test_snippet_runs(path, runs):
    assert runs[path].ok, runs[path].report


def test_there_are_snippets():
    assert len(SNIPPETS) >= 30, "snippets/ lost files"


# --- the runner is honest ------------------------------------------------------------------------

@pytest.mark.parametrize("body, why", [
    ("raise ValueError('boom')\n", "exit code 1"),
    ("import time\nprint('x = x   ok')\ntime.sleep(60)\n", "still running"),
    ("import sys\nprint('x = x   ok')\nsys.exit(3)\n", "exit code 3"),
    ("print('x = y   FAIL   max rel err 1.0e+00')\n", "printed FAIL"),
    ("print('hello')\n", "passing check"),
    ("", "passing check"),
    ("import socket\nsocket.create_connection(('example.com', 80))\n", "NetworkBlocked"),
    ("import socket\ns = socket.socket()\ntry:\n    s.connect(('93.184.216.34', 80))\nexcept OSError:\n"
     "    print('offline, fine   ok')\n", "NetworkBlocked"),
], ids=["raises", "hangs", "exit-3", "prints-FAIL", "no-check-line", "empty", "network", "network-caught-as-OSError"])
def test_runner_reports_failures(tmp_path, body, why):
    bad = tmp_path / "bad_snippet.py"
    bad.write_text(body)
    run = run_snippet(bad, timeout=3)
    assert not run.ok
    assert str(bad) in run.report and why in run.report, run.report


def test_runner_passes_a_good_snippet(tmp_path):
    good = tmp_path / "good_snippet.py"
    good.write_text("import numpy as np\nprint(f'1 + 1 = 2   ok   max rel err {0:.1e}')\n")
    assert run_snippet(good).ok


def test_runner_uses_a_fresh_isolated_interpreter(tmp_path):
    # A helper module next to the snippet must not be importable: readers paste one file.
    (tmp_path / "helper_mod.py").write_text("X = 1\n")
    snippet = tmp_path / "uses_helper.py"
    snippet.write_text("import helper_mod\nprint('x = x   ok')\n")
    run = run_snippet(snippet)
    assert not run.ok and "ModuleNotFoundError" in run.report


# --- self-contained ------------------------------------------------------------------------------

ALLOWED_IMPORTS = {"numpy", "sympy"} | set(sys.stdlib_module_names)


@pytest.mark.parametrize("path", SNIPPETS, ids=[rel(p) for p in SNIPPETS])
def test_snippet_imports_only_numpy_sympy_stdlib(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{rel(path)}: relative import"
            modules.add(node.module.split(".")[0])
    assert modules <= ALLOWED_IMPORTS, f"{rel(path)} imports {sorted(modules - ALLOWED_IMPORTS)}"


# --- inventory: every snippet shown, every include real, every claim backed ---------------------

class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may carry !!python/name tags; the inventory only needs plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def snippet_base_paths() -> list[Path]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            opts = ext["pymdownx.snippets"] or {}
            base = opts.get("base_path", ["."])
            return [ROOT / b for b in ([base] if isinstance(base, str) else base)]
    pytest.fail("mkdocs.yml: pymdownx.snippets is not configured")


_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
# `--8<-- "path"` on its own line (any indentation); `;--8<--` is pymdownx's escaped form.
_INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.S)


@dataclass
class Section:
    page: str
    heading: str
    level: int
    line: int
    text: list[str]
    includes: list[str]


def page_sections(path: Path, root: Path = ROOT) -> list[Section]:
    """Split a page at its headings (outside code fences), collecting each section's prose (code
    fences blanked out) and its snippet includes (which live inside code fences)."""
    sections = [Section(rel(path, root), "(top of page)", 1, 1, [], [])]
    fence = None
    lines = path.read_text(encoding="utf-8").splitlines()
    # Front matter is not content.
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    for number, line in enumerate(lines[start:], start + 1):
        include = _INCLUDE.match(line)
        if include:
            sections[-1].includes.append(include.group("path"))
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(2)[0] * len(m.group(2))
            sections[-1].text.append("")
            continue
        if fence is not None:
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
            sections[-1].text.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            sections.append(Section(rel(path, root), heading.group(2), len(heading.group(1)), number,
                                    [], []))
            continue
        sections[-1].text.append(line)
    return sections


def all_sections() -> list[Section]:
    return [s for page in sorted(DOCS.rglob("*.md")) for s in page_sections(page)]


def claims(section: Section) -> list[str]:
    """Display formulas that claim something: an `=` that is not part of a `:=` definition."""
    text = "\n".join(section.text)
    out = []
    for m in _DISPLAY.finditer(text):
        tex = m.group(1) or m.group(2)
        if ":=" in tex or "\\coloneqq" in tex:
            continue
        if "=" in tex:
            out.append(" ".join(tex.split()))
    return out


def resolve(include: str, bases: list[Path]) -> Path | None:
    for base in bases:
        candidate = (base / include).resolve()
        if candidate.is_file():
            return candidate
    return None


def test_every_include_names_an_existing_snippet():
    bases = snippet_base_paths()
    problems = []
    for s in all_sections():
        for inc in s.includes:
            target = resolve(inc, bases)
            if target is None:
                problems.append(f"{s.page} ({s.heading}): --8<-- \"{inc}\" does not exist under "
                                f"{[rel(b) if b != ROOT else '.' for b in bases]}")
            elif SNIPPETS_DIR.resolve() not in target.parents:
                problems.append(f"{s.page}: --8<-- \"{inc}\" is not a file in snippets/")
    assert not problems, "\n".join(problems)


def test_every_snippet_is_shown_on_a_page():
    bases = snippet_base_paths()
    shown = {resolve(inc, bases) for s in all_sections() for inc in s.includes}
    unshown = [rel(p) for p in SNIPPETS if p.resolve() not in shown]
    assert not unshown, "snippets not included on any page:\n" + "\n".join(unshown)


def test_every_snippet_is_shown_on_its_own_page():
    # snippets/<page>/<identity>.py: the folder names the page (docs/<page>.md) that shows it.
    # Another page may show it too (the front page and the mastery check reuse a few).
    bases = snippet_base_paths()
    shown_on = {}
    for s in all_sections():
        for inc in s.includes:
            target = resolve(inc, bases)
            if target is not None:
                shown_on.setdefault(target, set()).add(Path(s.page).stem)
    problems = [f"{rel(p)} is not shown on docs/{p.parent.name}.md"
                for p in SNIPPETS if p.parent.name not in shown_on.get(p.resolve(), set())]
    assert not problems, "\n".join(problems)


def test_every_section_with_a_claimed_formula_has_a_snippet():
    problems = []
    for s in all_sections():
        if s.level not in (2, 3):
            continue
        found = claims(s)
        if found and not s.includes:
            problems.append(f"{s.page}:{s.line} '{s.heading}': {len(found)} formula(s) with '=' "
                            f"(e.g. `{found[0][:70]}`) but no snippet")
    assert not problems, "sections without a runnable snippet:\n" + "\n".join(problems)


def test_inventory_parser_sees_includes_and_claims(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(
        "---\ntitle: t\n---\n# T\n\n## A claim\n\n$$\na = b\n$$\n\n"
        '??? example "Verify it yourself"\n    ```python\n    --8<-- "x/y.py"\n    ```\n\n'
        "## A definition\n\n$$\nf(x) := x^2\n$$\n\n"
        "## Code only\n\n```text\n$$\na = b\n$$\n## not a heading\n```\n",
        encoding="utf-8")
    secs = {s.heading: s for s in page_sections(page, root=tmp_path)}
    assert secs["A claim"].includes == ["x/y.py"] and claims(secs["A claim"]) == ["a = b"]
    assert claims(secs["A definition"]) == []
    assert claims(secs["Code only"]) == [] and "not a heading" not in secs


# --- SymPy findings (snippets/README.md) ----------------------------------------------------------

def test_sympy_findings():
    """What snippets/README.md says about SymPy's matrix calculus, asserted; numbers included."""
    import numpy as np
    import sympy as sp

    m, n = 3, 4
    rng = np.random.default_rng(0)
    X, A = sp.MatrixSymbol("X", m, n), sp.MatrixSymbol("A", m, n)
    At, B = sp.MatrixSymbol("A", n, m), sp.MatrixSymbol("B", n, 2)
    A2 = sp.MatrixSymbol("A", 2, m)
    x, a = sp.MatrixSymbol("x", n, 1), sp.MatrixSymbol("a", n, 1)
    S, P, W = sp.MatrixSymbol("S", n, n), sp.MatrixSymbol("P", n, n), sp.MatrixSymbol("W", m, n)
    w, ym = sp.MatrixSymbol("w", n, 1), sp.MatrixSymbol("y", m, 1)
    t = sp.Symbol("t")

    # Right: structural answers (each also checked against finite differences by a snippet).
    assert sp.Trace(At * X).diff(X) == At.T
    assert sp.Trace(X * At).diff(X) == At.T
    assert sp.Trace(X.T * A).diff(X) == A
    assert sp.Trace(A * X.T).diff(X) == A
    assert sp.Trace(A2 * X * B).diff(X) == A2.T * B.T
    assert (a.T * x).diff(x) == a
    assert (x.T * x).diff(x) == 2 * x
    assert sp.Integer(7).diff(X) == sp.ZeroMatrix(m, n)
    ls = ((ym - W * w).T * (ym - W * w)).diff(w)
    Wn, yn, wn = rng.standard_normal((m, n)), rng.standard_normal((m, 1)), rng.standard_normal((n, 1))
    value = np.array(sp.Matrix(ls.subs({W: sp.Matrix(Wn), ym: sp.Matrix(yn), w: sp.Matrix(wn)})), float)
    assert np.allclose(value, -2 * Wn.T @ (yn - Wn @ wn))

    # Silently wrong.
    assert sp.log(sp.Determinant(P)).diff(P) == sp.ZeroMatrix(n, n)
    assert (a.T * x)[0, 0].diff(x) == sp.ZeroMatrix(n, 1)
    assert S.diff(t) == sp.ZeroMatrix(n, n) and S.inv().diff(t) == sp.ZeroMatrix(n, n)
    Pe = sp.Matrix(sp.MatrixSymbol("P", 2, 2))  # the explicit route is right
    assert sp.simplify(sp.log(Pe.det()).diff(Pe) - Pe.inv().T) == sp.zeros(2, 2)

    # Unevaluated.
    assert isinstance(sp.Determinant(P).diff(P).doit(), sp.Derivative)

    # Layout and shape.
    assert (W * x).diff(x) == W.T  # n x m: the transposed Jacobian
    xe, ye = sp.Matrix(sp.MatrixSymbol("x", n, 1)), sp.Matrix(sp.MatrixSymbol("W", m, n)) * sp.Matrix(x)
    assert ye.jacobian(xe).shape == (m, n)
    assert ye.diff(xe).shape == (n, 1, m, 1)
    v = sp.MatrixSymbol("v", n, 1)
    assert (v.T * X.T * X * v).diff(X).shape == (m, n, 1, 1)
    assert sp.Trace(v.T * X.T * X * v).diff(X) == 2 * X * v * v.T
    D = sp.MatrixSymbol("D", 2, 2)
    Dn = np.array([[2.0, 1.0], [0.5, 3.0]])
    inv4 = np.array(sp.lambdify(D, D.inv().diff(D), "numpy")(Dn), float)
    Di = np.linalg.inv(Dn)
    assert np.allclose(inv4, -np.einsum("ki,jl->ijkl", Di, Di))  # [i, j, k, l] = d(D^-1)_kl / dD_ij
    sym = sp.refine((x.T * S * x).diff(x), sp.Q.symmetric(S))
    assert sym != 2 * S * x and sym.doit() == 2 * S * x

    # Raises.
    with pytest.raises(ValueError, match="wrt x.T"):
        (a.T * x).diff(x.T)
