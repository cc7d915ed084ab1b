"""Front matter: every page's is valid, and each kind of bad front matter fails with a message that
names the file and says what to fix, both through sitemeta directly and through a real build."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from sitemeta import (
    FrontMatterError,
    check_pages,
    load_page,
    load_vocabulary,
    normalize_alias,
    parse_front_matter,
    validate_directory,
)

DOCS = ROOT / "docs"
VOCABULARY = load_vocabulary(ROOT / "mkdocs.yml")

SOURCE_TAGS = {"mathematics", "calculus", "linear-algebra", "machine-learning", "optimization"}

# The source cheat sheet's eight aliases, each on the page it names.
SOURCE_ALIASES = {
    "Matrix Calculus": "docs/index.md",
    "Calculus for ML": "docs/index.md",
    "Vector Calculus": "docs/vector-derivatives.md",
    "Vector Derivatives": "docs/vector-derivatives.md",
    "Jacobian": "docs/vector-derivatives.md",
    "Gradient Calculus": "docs/scalar-function-derivatives.md",
    "Matrix Derivatives": "docs/matrix-derivatives.md",
    "Matrix Differentiation": "docs/matrix-function-derivatives.md",
}

# What readers type, on the page that answers it.
READER_ALIASES = {
    "backpropagation": "docs/chain-rule.md",
    "normal equations": "docs/least-squares.md",
    "completing the square": "docs/bayesian-linear-regression.md",
    "log-likelihood gradient": "docs/softmax-cross-entropy.md",
    "softmax classifier": "docs/softmax-cross-entropy.md",
    "categorical cross-entropy": "docs/softmax-cross-entropy.md",
    "trace trick": "docs/identities.md",
    "cyclic property": "docs/identities.md",
}

GOOD = """---
title: A page
summary: One sentence about the page.
tags: [calculus]
aliases: [some alias]
---

# A page
"""


# --- the real pages --------------------------------------------------------------------------

def test_every_page_has_valid_front_matter():
    metas = validate_directory(DOCS, VOCABULARY, ROOT)
    pages = sorted(p.relative_to(ROOT).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(m.path for m in metas) == pages
    for meta in metas:
        assert meta.title and meta.summary and meta.tags and meta.aliases, meta.path


def test_vocabulary_holds_the_source_tags_and_every_tag_is_used():
    assert SOURCE_TAGS <= VOCABULARY
    used = {t for m in validate_directory(DOCS, VOCABULARY, ROOT) for t in m.tags}
    assert used == VOCABULARY, f"tags in tags_allowed that no page uses: {sorted(VOCABULARY - used)}"


def test_aliases_are_on_the_pages_they_name():
    owner = {normalize_alias(a): m.path for m in validate_directory(DOCS, VOCABULARY, ROOT)
             for a, _anchor in m.all_aliases()}
    for alias, page in {**SOURCE_ALIASES, **READER_ALIASES}.items():
        assert owner.get(normalize_alias(alias)) == page, alias


# --- sitemeta on temporary files ---------------------------------------------------------------

def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path, pages: dict) -> str:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        write(docs, name, text)
    with pytest.raises(FrontMatterError) as info:
        validate_directory(docs, VOCABULARY, tmp_path)
    return str(info.value)


def test_good_page_loads(tmp_path):
    meta = load_page(write(tmp_path, "a.md", GOOD), VOCABULARY, "docs/a.md")
    assert (meta.title, meta.summary, meta.tags, meta.aliases) == (
        "A page", "One sentence about the page.", ("calculus",), ("some alias",))


def test_broken_yaml_names_file_line_and_fix(tmp_path):
    broken = GOOD.replace("tags: [calculus]", "tags: [calculus\nsummary2: x")
    msg = problems_of(tmp_path, {"broken.md": broken})
    assert "docs/broken.md:" in msg
    assert "not valid YAML" in msg and "fix the YAML between the `---` lines" in msg


def test_broken_yaml_reports_the_line(tmp_path):
    broken = GOOD.replace("summary: One sentence about the page.", "summary: Gradients: a: b")
    msg = problems_of(tmp_path, {"colon.md": broken})
    assert "docs/colon.md:3:" in msg and "not valid YAML" in msg and "quote a value" in msg


def test_unknown_tag_names_file_tag_and_vocabulary(tmp_path):
    msg = problems_of(tmp_path, {"tagged.md": GOOD.replace("[calculus]", "[calculus, calculsu]")})
    assert "docs/tagged.md" in msg
    assert "unknown tag `calculsu`" in msg
    assert "tags_allowed" in msg and "calculus" in msg


def test_duplicate_alias_names_both_files(tmp_path):
    other = GOOD.replace("A page", "Another page").replace("[some alias]", "[Some  Alias]")
    msg = problems_of(tmp_path, {"a.md": GOOD, "b.md": other})
    assert "duplicate alias `Some  Alias`" in msg
    assert "docs/a.md" in msg and "docs/b.md" in msg
    assert "remove it from one of them" in msg


def test_missing_summary_names_file_and_key(tmp_path):
    msg = problems_of(tmp_path, {"nosummary.md": GOOD.replace("summary: One sentence about the page.\n", "")})
    assert "docs/nosummary.md: missing `summary`" in msg
    assert "meta description" in msg


def test_missing_title_and_aliases(tmp_path):
    text = GOOD.replace("title: A page\n", "").replace("aliases: [some alias]\n", "")
    msg = problems_of(tmp_path, {"bare.md": text})
    assert "docs/bare.md: missing `title`" in msg
    assert "docs/bare.md: missing `aliases`" in msg


def test_no_front_matter_at_all(tmp_path):
    msg = problems_of(tmp_path, {"plain.md": "# Just a heading\n"})
    assert "docs/plain.md:1: no front matter" in msg


def test_tags_must_be_a_list(tmp_path):
    msg = problems_of(tmp_path, {"str.md": GOOD.replace("tags: [calculus]", "tags: calculus")})
    assert "docs/str.md: `tags` must be a YAML list" in msg


def test_alias_with_search_query_syntax_is_rejected(tmp_path):
    # an alias is matched word for word; `a^T` makes it a formula, found by its keys instead
    msg = problems_of(tmp_path, {"syntax.md": GOOD.replace("[some alias]", '["derivative of a^T X b"]')})
    assert "docs/syntax.md: alias `derivative of a^T X b` is not words" in msg
    assert "write the alias in words" in msg


def test_aliases_with_hyphens_and_apostrophes_are_fine(tmp_path):
    text = GOOD.replace("[some alias]", "[cross-entropy, \"Jacobi's formula\", x - y]")
    meta = load_page(write(tmp_path, "ok.md", text), VOCABULARY, "docs/ok.md")
    assert meta.aliases == ("cross-entropy", "Jacobi's formula", "x - y")


def test_every_problem_is_reported_at_once(tmp_path):
    msg = problems_of(tmp_path, {
        "one.md": GOOD.replace("[calculus]", "[nope]"),
        "two.md": GOOD.replace("summary: One sentence about the page.\n", "").replace(
            "[some alias]", "[other alias]"),
    })
    assert "docs/one.md: unknown tag `nope`" in msg
    assert "docs/two.md: missing `summary`" in msg


def test_parse_front_matter_agrees_with_mkdocs():
    from mkdocs.utils.meta import get_data
    for page in DOCS.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert parse_front_matter(text, page.name) == get_data(text)[1], page


def test_check_pages_requires_a_vocabulary():
    with pytest.raises(FrontMatterError, match="tags_allowed"):
        check_pages([("docs/a.md", GOOD)], [])


# --- through a real `mkdocs build` -------------------------------------------------------------

_SKIP_COPY = shutil.ignore_patterns(".git", "site", ".ci-venv", ".venv", "venv", "test-artifacts",
                                    ".pytest_cache", "__pycache__", "node_modules")

BUILD_CASES = {
    "broken YAML": (
        lambda t: t.replace("title: Notation\n", "title: Notation\ntags: [notation\n", 1),
        ["docs/notation.md", "not valid YAML"]),
    "unknown tag": (
        lambda t: t.replace("  - notation\n", "  - notations\n", 1),
        ["docs/notation.md", "unknown tag `notations`", "tags_allowed"]),
    "duplicate alias": (
        lambda t: t.replace("  - column vector convention\n", "  - column vector convention\n  - Jacobian\n", 1),
        ["docs/notation.md", "duplicate alias `Jacobian`", "docs/vector-derivatives.md"]),
    "missing summary": (
        lambda t: t.replace("summary: ", "summery: ", 1),
        ["docs/notation.md", "missing `summary`"]),
}


@pytest.mark.parametrize("case", sorted(BUILD_CASES))
def test_bad_front_matter_fails_a_real_build(tmp_path, case):
    mutate, expected = BUILD_CASES[case]
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=_SKIP_COPY)
    page = project / "docs" / "notation.md"
    original = page.read_text(encoding="utf-8")
    changed = mutate(original)
    assert changed != original, "the test's mutation no longer applies to docs/notation.md"
    page.write_text(changed, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Bad front matter" in output, output
    for text in expected:
        assert text in output, output


# --- section aliases ---------------------------------------------------------------------------

SECTIONED = GOOD.replace("aliases: [some alias]\n",
                         "aliases: [some alias]\nsection_aliases:\n  updating-an-inverse: [Woodbury identity, "
                         "Sherman-Morrison]\n")


def test_section_aliases_load_with_their_anchor(tmp_path):
    meta = load_page(write(tmp_path, "s.md", SECTIONED), VOCABULARY, "docs/s.md")
    assert meta.section_aliases == (("updating-an-inverse", ("Woodbury identity", "Sherman-Morrison")),)
    assert meta.all_aliases() == [("some alias", ""), ("Woodbury identity", "updating-an-inverse"),
                                  ("Sherman-Morrison", "updating-an-inverse")]


def test_section_aliases_must_map_anchors_to_lists(tmp_path):
    msg = problems_of(tmp_path, {
        "list.md": GOOD.replace("aliases: [some alias]\n", "aliases: [some alias]\nsection_aliases: [a, b]\n"),
        "str.md": GOOD.replace("aliases: [some alias]\n",
                               "aliases: [some alias]\nsection_aliases:\n  the-anchor: Woodbury\n"),
        "key.md": GOOD.replace("aliases: [some alias]\n",
                               "aliases: [some alias]\nsection_aliases:\n  'not an anchor': [x y]\n"),
    })
    assert "docs/list.md: `section_aliases` must map a heading's anchor to a list of aliases" in msg
    assert "docs/str.md: `section_aliases.the-anchor` must be a YAML list" in msg
    assert "docs/key.md: `section_aliases` key 'not an anchor' is not a heading anchor" in msg


def test_section_alias_duplicates_are_rejected_within_and_across_pages(tmp_path):
    within = SECTIONED.replace("Sherman-Morrison]", "some alias]")
    other = GOOD.replace("A page", "Another page").replace("[some alias]", "[woodbury  identity]")
    msg = problems_of(tmp_path, {"a.md": within, "b.md": other})
    assert "docs/a.md: alias `some alias` is listed twice in `aliases` and `section_aliases`" in msg
    assert "duplicate alias `woodbury  identity`" in msg and "docs/a.md already has `Woodbury identity`" in msg


def test_section_alias_with_query_syntax_is_rejected(tmp_path):
    msg = problems_of(tmp_path, {"s.md": SECTIONED.replace("Sherman-Morrison]", '"A^-1 update"]')})
    assert "docs/s.md: alias `A^-1 update` is not words" in msg


def test_section_alias_anchor_must_be_a_heading_of_the_page():
    import importlib.util
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location("search_hook", ROOT / "hooks" / "search.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    toc = [SimpleNamespace(id="a-page", children=[SimpleNamespace(id="updating-an-inverse", children=[])])]
    page = SimpleNamespace(meta={"section_aliases": {"updating-the-inverse": ["Woodbury identity"]}}, toc=toc,
                           url="s/", file=SimpleNamespace(src_uri="s.md"))
    with pytest.raises(PluginError) as info:
        hook.on_page_content('<h2 id="updating-an-inverse">Updating an inverse</h2>', page, None, None)
    assert "s.md: `section_aliases` names `updating-the-inverse`" in str(info.value)
    assert "its anchors are: a-page, updating-an-inverse" in str(info.value)
    page.meta = {"section_aliases": {"updating-an-inverse": ["Woodbury identity"]}}
    html = hook.on_page_content('<h2 id="updating-an-inverse">Updating an inverse</h2>\n<p>x</p>', page, None, None)
    assert '</h2>\n<p class="md-aliases"><strong>Also known as:</strong> Woodbury identity</p>' in html
