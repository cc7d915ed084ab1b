"""The bad-input suite: one test per kind of bad input an author can give the build.

Each kind must fail (or be reported) with the file, the line where there is one, and what to do,
in bounded time, without a traceback, and without losing the last good site. When a new kind of
bad input is found, add it here.

Build-level kinds run `mkdocs build` on a small copy of the project (the site's hooks, checker
and configuration; one page, plus the snippets and notebooks of the case), all cases built up
front two at a time. Kinds the libraries decide alone are checked through them directly.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from matcheck.notebook import notebook_markdown
from matcheck.prose import prose_problems
from matcheck.site import check_site
from sitemeta import FrontMatterError, check_pages

ROOT = Path(__file__).resolve().parent.parent
SHORT = "3"  # seconds: the snippet and cell timeouts of the hanging cases

FRONT = ("---\ntitle: Home\nsummary: A page for a test of bad input.\ntags: [site]\n"
         "aliases: [test home]\n---\n\n")
PAGE = FRONT + "# Home\n\nA page.\n"
WHERE = "/// where\nx, a: n\n///\n\n"
SNIPPET_OK = "print('1 + 1 = 2   ok   max rel err 0.0e+00')\n"


def include(name: str) -> str:
    return FRONT + f'# Home\n\nA page.\n\n```python\n--8<-- "{name}"\n```\n'


@dataclass
class Case:
    files: dict                                   # path in the project -> text
    expect: list                                  # every one of these in the output
    symlinks: dict = field(default_factory=dict)  # path -> target
    env: dict = field(default_factory=dict)
    seconds: float = 120.0                        # the build must end within this


CASES = {
    # snippets (hooks/snippets.py, buildrun/snippets.py)
    "snippet-raises": Case(
        {"docs/index.md": include("index/bad.py"),
         "snippets/index/bad.py": "print('a = a   ok')\nx = 1\nraise ValueError('boom')\n"},
        ["snippets/index/bad.py:3: ValueError: boom"]),
    "snippet-hangs": Case(
        {"docs/index.md": include("index/slow.py"),
         "snippets/index/slow.py": "import time\nwhile True:\n    time.sleep(0.05)\n"},
        ["snippets/index/slow.py:3: still running after 3 s (killed)"],
        env={"MATCALC_SNIPPET_TIMEOUT": SHORT}, seconds=60),
    "snippet-uses-network": Case(
        {"docs/index.md": include("index/net.py"),
         "snippets/index/net.py": "import urllib.request\nurllib.request.urlopen('http://example.com')\n"},
        ["snippets/index/net.py:2: NetworkBlocked", "must run offline"]),
    "snippet-prints-FAIL": Case(
        {"docs/index.md": include("index/fail.py"),
         "snippets/index/fail.py": "print('x = y   FAIL   max rel err 1.0e+00')\n"},
        ["snippets/index/fail.py: exit code 0 but a check printed FAIL"]),
    "include-missing": Case(
        {"docs/index.md": include("index/nowhere.py"), "snippets/index/ok.py": SNIPPET_OK},
        ['docs/index.md:13: snippet "index/nowhere.py" not found; looked in snippets/']),
    "include-outside-snippets": Case(
        {"docs/index.md": include("../mkdocs.yml"), "snippets/index/ok.py": SNIPPET_OK},
        ['docs/index.md:13: include "../mkdocs.yml" points outside snippets/']),
    "include-symlink-out": Case(
        {"docs/index.md": include("index/link.py"), "snippets/index/ok.py": SNIPPET_OK},
        ['docs/index.md:13: include "index/link.py" is a symlink outside snippets/',
         "snippets/index/link.py: a symlink to"],
        symlinks={"snippets/index/link.py": "../../mkdocs.yml"}),
    # notebooks (hooks/notebooks.py, buildrun/notebooks.py)
    "notebook-cell-raises": Case(
        {"docs/index.md": PAGE,
         "notebooks/broken.py": "# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\ny = 2\nraise RuntimeError('cell error')\n"},
        ["notebooks/broken.py:9: cell 3 (code cell 2) raised RuntimeError: cell error"]),
    "notebook-cell-hangs": Case(
        {"docs/index.md": PAGE,
         "notebooks/slow.py": "# %% [markdown]\n# # Slow\n\n# %%\nimport time\ntime.sleep(600)\n"},
        ["notebooks/slow.py:5: cell 2 (code cell 1) was still running after 3 s"],
        env={"MATCALC_CELL_TIMEOUT": SHORT}, seconds=60),
    "notebook-uses-network": Case(
        {"docs/index.md": PAGE,
         "notebooks/net.py": "# %% [markdown]\n# # Net\n\n# %%\nimport socket\nsocket.create_connection(('example.com', 80))\n"},
        ["notebooks/net.py:6: cell 2 (code cell 1) raised NetworkBlocked"]),
    # prose and front matter, through the build (the order of the checks matters)
    "dollar-amount": Case(
        {"docs/index.md": PAGE + "\nIt costs $5-$10 a day.\n"},
        ["docs/index.md:12: `$5-$10` reads as the formula `5-`", r"`\$5-\$10`"]),
    "math-in-heading": Case(
        {"docs/index.md": FRONT + "# Home\n\n" + WHERE + "## The gradient of $a^T x$\n\nText.\n"},
        ["docs/index.md:14: math in a heading (`a^T x`)"]),
    "title-is-a-list": Case(
        {"docs/index.md": PAGE.replace("title: Home", "title:\n  - Home\n  - Start")},
        ["docs/index.md:2: `title` must be one line of text, not a list"]),
    "wrong-formula": Case(
        {"docs/index.md": FRONT + "# Home\n\n" + WHERE + "$$\n\\frac{\\partial (a^T x)}{\\partial x} = 2 a\n$$\n"},
        ["docs/index.md:15: formula `\\frac{\\partial (a^T x)}{\\partial x} = 2 a`", "seed"]),
}


def make_project(where: Path, case: Case) -> Path:
    project = where / "project"
    for name in ("hooks", "matcheck", "sitemeta", "buildrun", "overrides", "source"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The Cookbook listing names formulas on the full site's pages, which this copy does not have.
    (project / "source" / "cookbook-equations.yml").unlink()
    shutil.copytree(ROOT / "docs" / "stylesheets", project / "docs" / "stylesheets")
    (project / "notebooks").mkdir()
    (project / "snippets").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # One page: no nav (MkDocs lists what is there), and not strict (the pages the nav and the
    # home page link to are absent); the hooks fail the build strict or not.
    config = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", "", config).replace("strict: true", "strict: false")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for path, text in case.files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    for path, target in case.symlinks.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, project / path)
    return project


def build(project: Path, env: dict, cache: Path, quiet: bool = False) -> tuple[int, str, float]:
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MATCALC_CACHE_DIR=str(cache), **env)
    full_env.pop("PYTHONPATH", None)
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build"] + (["-q"] if quiet else []),
                          cwd=project, env=full_env, capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start


@pytest.fixture(scope="module")
def results(tmp_path_factory, build_cache):
    def run(item):
        name, case = item
        project = make_project(tmp_path_factory.mktemp(name), case)
        return name, build(project, case.env, build_cache)
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, CASES.items()))


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_fails_the_build_saying_where_and_why(results, name):
    code, output, seconds = results[name]
    case = CASES[name]
    assert code != 0, f"{name}: the build passed:\n{output}"
    for text in case.expect:
        assert text in output, f"{name}: expected {text!r} in:\n{output}"
    # No traceback of the build itself; a failing snippet shows its own (trimmed to its lines).
    assert "Traceback" not in output or name.startswith("snippet-"), output
    assert "\x1b[" not in output, f"{name}: ANSI colour codes in the output"
    assert len(output.splitlines()) < 40, f"{name}: {len(output.splitlines())} lines of output:\n{output}"
    assert seconds < case.seconds, f"{name}: took {seconds:.0f} s"


def test_a_good_project_builds_quietly(tmp_path, build_cache):
    """`mkdocs build -q` prints nothing when all is well (no kernel warnings), notebook included."""
    case = Case({"docs/index.md": include("index/ok.py"), "snippets/index/ok.py": SNIPPET_OK,
                 "notebooks/fine.py": "# %% [markdown]\n# # Fine\n\n# %%\nprint(1 + 1)\n"}, [])
    project = make_project(tmp_path, case)
    code, output, _ = build(project, {}, build_cache, quiet=True)
    assert code == 0 and output == "", output


def test_a_failed_build_keeps_the_last_good_site(tmp_path, build_cache):
    project = make_project(tmp_path, Case({"docs/index.md": PAGE}, []))
    code, output, _ = build(project, {}, build_cache)
    assert code == 0, output
    good = (project / "site" / "index.html").read_text(encoding="utf-8")
    (project / "docs" / "index.md").write_text(CASES["wrong-formula"].files["docs/index.md"], encoding="utf-8")
    code, output, _ = build(project, {}, build_cache)
    assert code != 0
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == good
    assert not (project / "site.previous-build").exists()


# --- kinds the libraries decide alone -------------------------------------------------------------

VOCABULARY = {"site", "calculus"}


@pytest.mark.parametrize("front, message", [
    ("title: [Home\n", "front matter is not valid YAML (expected ',' or ']', but got '<stream end>', "
                        "parsing a flow sequence that starts on line 2)"),
    ("summary: A page.\ntags: [site]\naliases: [x]\n", "docs/x.md: missing `title`"),
    ("title: Home\nsummary: A page.\ntags: [nosuchtag]\naliases: [x]\n", "unknown tag `nosuchtag`"),
    ("title: Home\nsummary: A page.\ntags: site\naliases: [x]\n", "docs/x.md:4: `tags` must be a YAML list"),
    ("title: Home\nsummary: 2024\ntags: [site]\naliases: [x]\n", 'docs/x.md:3: `summary` must be one line of text, not a number: write `summary: "2024"`'),
    ("title: Home\nsummary: no full stop\ntags: [site]\naliases: [x]\n", "`summary` must be a sentence"),
    ("title: Home\nsummary: A page.\ntags: [site]\naliases: [\"a^T b\"]\n", "is not words"),
], ids=["broken-yaml", "missing-key", "unknown-tag", "tags-a-string", "summary-a-number",
        "summary-not-a-sentence", "alias-query-syntax"])
def test_bad_front_matter(front, message):
    with pytest.raises(FrontMatterError) as err:
        check_pages([("docs/x.md", f"---\n{front}---\n# X\n")], VOCABULARY)
    assert message in str(err.value), str(err.value)


def test_duplicate_alias_across_pages():
    page = "---\ntitle: {t}\nsummary: A page.\ntags: [site]\naliases: [backprop]\n---\n# {t}\n"
    with pytest.raises(FrontMatterError, match="duplicate alias `backprop`: docs/a.md already has"):
        check_pages([("docs/a.md", page.format(t="A")), ("docs/b.md", page.format(t="B"))], VOCABULARY)


@pytest.mark.parametrize("body, message", [
    (WHERE + "$$\n\\frac{\\partial (a^T x)}{\\partial x} = 2 a\n$$\n", "formula `"),
    ("$$\ny = q\n$$\n", "formula `y = q`"),
    (WHERE + "$$\nx \\odot\\!\\! = a\n$$\n", "formula `"),
    (WHERE + "$$\n\\foo{x} = x\n$$\n", "formula `"),
], ids=["wrong", "undeclared-symbols", "unparsable", "unknown-command"])
def test_bad_formula_names_file_and_line(tmp_path, body, message):
    page = tmp_path / "docs" / "x.md"
    page.parent.mkdir()
    page.write_text(FRONT + "# X\n\n" + body, encoding="utf-8")
    report = check_site([page], tmp_path, tmp_path / "docs", audit=False)
    errors = "\n".join(report.error_lines())
    assert re.search(r"docs/x\.md:\d+: ", errors) and message in errors, errors


@pytest.mark.parametrize("text, message", [
    ("# The map $f(x)$\n", "docs/x.md:1: math in a heading"),
    ("## With \\(A X\\)\n", "docs/x.md:1: math in a heading"),
    ("From $3,$4 or $5-$10.\n", "reads as the formula"),
], ids=["dollar-heading", "paren-heading", "money"])
def test_prose_problems(text, message):
    problems = prose_problems(text, "docs/x.md")
    assert any(message in p for p in problems), problems


def test_prose_allows_numbers_math_and_code():
    text = "The value $5$ and $x - 1$; `$5-$10` in code.\n\n```\n# $x$ heading in code\n```\n"
    assert prose_problems(text, "docs/x.md") == []


def test_math_in_a_notebook_heading():
    text = "# %% [markdown]\n# # Title\n#\n# ## Step $k$\n\n# %%\nx = 1\n"
    problems = prose_problems(notebook_markdown(text), "notebooks/n.py")
    assert len(problems) == 1 and problems[0].startswith("notebooks/n.py:4: math in a heading (`k`)"), problems
