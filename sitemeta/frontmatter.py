"""Load and validate the YAML front matter of the site's pages.

MkDocs itself silently drops front matter that is not valid YAML (the page then just has no
title, tags or summary), so the site reads every page here first and fails with a message that
names the file, the line where it can, and what to fix.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE), so both agree on where front matter ends.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)

REQUIRED = ("title", "summary", "tags", "aliases")

_EXAMPLE = (
    "---\n"
    "title: Chain rule\n"
    "summary: How gradients pass through a composition of maps.\n"
    "tags: [calculus, chain-rule]\n"
    "aliases: [backpropagation]\n"
    "---"
)

_SUMMARY_MAX = 200

# Characters that make an alias a formula rather than words (lunr's query syntax in Material's own
# search): aliases are matched word for word, formulas by the keys hooks/search.py indexes.
_QUERY_SYNTAX = re.compile(r'[\^~:*"]')
_QUERY_PREFIX = re.compile(r"(?:^|\s)[+-]+(?=\S)")


class FrontMatterError(ValueError):
    """One or more pages have bad front matter; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class PageMeta:
    path: str                       # as shown in messages, e.g. docs/chain-rule.md
    title: str
    summary: str
    tags: tuple[str, ...]
    aliases: tuple[str, ...]
    data: dict = field(default_factory=dict, compare=False, repr=False)
    # optional `section_aliases: {anchor: [alias, ...]}`: names of one identity, on its section
    section_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def all_aliases(self) -> list[tuple[str, str]]:
        """(alias, anchor) of the page's aliases (anchor "") and of its sections' aliases."""
        return [(a, "") for a in self.aliases] + [(a, anchor) for anchor, names in self.section_aliases
                                                    for a in names]


def normalize_alias(alias: str) -> str:
    """Aliases that search cannot tell apart compare equal: case, spaces, hyphens, underscores."""
    return " ".join(re.split(r"[\s\-_]+", alias.strip().casefold())).strip()


def parse_front_matter(text: str, path: str) -> dict:
    """The front matter of a page as a dict; raise FrontMatterError naming `path` if it is broken."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("---"):
        raise FrontMatterError([
            f"{path}:1: no front matter: start the page with a YAML block between two `---` lines "
            f"giving {', '.join(REQUIRED)}, e.g.\n{_EXAMPLE}"
        ])
    match = _FRONT_MATTER.match(text)
    if not match:
        raise FrontMatterError([
            f"{path}:1: front matter is not closed: end the YAML block with a line `---`"
        ])
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 2}" if mark is not None else f"{path}:1"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None:
            problem += f", {context.replace('while ', '')} that starts on line {context_mark.line + 2}"
        raise FrontMatterError([
            f"{where}: front matter is not valid YAML ({problem}): fix the YAML between the `---` "
            "lines; quote a value that contains `: ` or starts with one of [ { * & ! % @ `"
        ]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError([
            f"{path}:2: front matter must be a YAML mapping (`key: value` lines), "
            f"not a {type(data).__name__}"
        ])
    return data


def _string_list(data: dict, key: str, path: str, problems: list[str], hint: str) -> list[str]:
    if key not in data or data[key] is None:
        problems.append(f"{path}: missing `{key}`: add `{key}:` with a list of {hint}")
        return []
    value = data[key]
    if isinstance(value, str):
        problems.append(f"{path}: `{key}` must be a YAML list, e.g. `{key}: [{value}]`, not a string")
        return []
    if not isinstance(value, list) or not value:
        problems.append(f"{path}: `{key}` must be a non-empty YAML list of {hint}")
        return []
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{path}: `{key}` has an entry {item!r} that is not a non-empty string: "
                            "quote it or remove it")
            continue
        out.append(item.strip())
    return out


_ANCHOR = re.compile(r"^[\w\-.:]+$")


def _section_aliases(data: dict, path: str, problems: list[str]) -> list[tuple[str, list[str]]]:
    """`section_aliases: {anchor: [alias, ...]}`: optional. Whether each anchor is a heading of the
    page is checked at build time (hooks/search.py), when the page's headings are known."""
    value = data.get("section_aliases")
    if value is None:
        return []
    example = "section_aliases:\n  updating-an-inverse: [Woodbury identity]"
    if not isinstance(value, dict) or not value:
        problems.append(f"{path}: `section_aliases` must map a heading's anchor to a list of aliases, "
                        f"e.g.\n{example}")
        return []
    out = []
    for anchor, names in value.items():
        if not isinstance(anchor, str) or not _ANCHOR.match(anchor):
            problems.append(f"{path}: `section_aliases` key {anchor!r} is not a heading anchor: use the "
                            "anchor of the heading (as in its link, without `#`), e.g. `updating-an-inverse`")
            continue
        key = f"section_aliases.{anchor}"
        out.append((anchor, _string_list({key: names}, key, path, problems, "names readers may search for")))
    return out


def check_page(data: dict, path: str, vocabulary: Iterable[str]) -> tuple[PageMeta, list[str]]:
    """Validate one page's front matter (not cross-page rules); return its PageMeta and problems."""
    vocabulary = frozenset(vocabulary)
    problems: list[str] = []

    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{path}: missing `title`: add `title: <the page title>` to the front matter")
        title = ""

    summary = data.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        problems.append(
            f"{path}: missing `summary`: add `summary: <one sentence saying what the page gives the "
            "reader>`; it is also the page's meta description")
        summary = ""
    else:
        summary = summary.strip()
        if "\n" in summary:
            problems.append(f"{path}: `summary` must be one sentence on one line")
        if len(summary) > _SUMMARY_MAX:
            problems.append(f"{path}: `summary` has {len(summary)} characters: keep it to one sentence "
                            f"of at most {_SUMMARY_MAX}")
        if not summary.endswith((".", "?", "!")):
            problems.append(f"{path}: `summary` must be a sentence: end it with a full stop")

    tags = _string_list(data, "tags", path, problems, "tags from `tags_allowed` in mkdocs.yml")
    seen_tags: set[str] = set()
    for tag in tags:
        if tag in seen_tags:
            problems.append(f"{path}: tag `{tag}` is listed twice in `tags`: remove one")
        seen_tags.add(tag)
        if tag not in vocabulary:
            problems.append(
                f"{path}: unknown tag `{tag}` in `tags`: use one of {', '.join(sorted(vocabulary))}, "
                "or add it to `tags_allowed` of the tags plugin in mkdocs.yml")

    aliases = _string_list(data, "aliases", path, problems, "names readers may search for")
    sections = _section_aliases(data, path, problems)
    seen_aliases: dict[str, str] = {}
    for alias in aliases + [a for _, names in sections for a in names]:
        syntax = _QUERY_SYNTAX.search(alias) or _QUERY_PREFIX.search(alias)
        if syntax:
            problems.append(
                f"{path}: alias `{alias}` is not words: an alias is found when a reader types it word "
                f"for word, and the search box reads `{syntax.group(0).strip()}` as part of a typed "
                "formula (formulas are found by their own keys, see README \"Search\"); write the alias "
                "in words")
        key = normalize_alias(alias)
        if key in seen_aliases:
            problems.append(f"{path}: alias `{alias}` is listed twice in `aliases` and `section_aliases` "
                            f"(as `{seen_aliases[key]}`): remove one")
        seen_aliases.setdefault(key, alias)

    meta = PageMeta(path, title.strip() if title else "", summary, tuple(tags), tuple(aliases), dict(data),
                    section_aliases=tuple((anchor, tuple(names)) for anchor, names in sections))
    return meta, problems


def check_pages(sources: Iterable[tuple[str, str]], vocabulary: Iterable[str]) -> list[PageMeta]:
    """Validate pages given as (path, text); raise FrontMatterError listing every problem.

    Besides each page's own rules, an alias may belong to one page only.
    """
    vocabulary = frozenset(vocabulary)
    if not vocabulary:
        raise FrontMatterError([
            "mkdocs.yml: the tags plugin has no `tags_allowed` list: add the tag vocabulary there"
        ])
    problems: list[str] = []
    metas: list[PageMeta] = []
    owner: dict[str, tuple[str, str]] = {}
    for path, text in sources:
        try:
            data = parse_front_matter(text, path)
        except FrontMatterError as exc:
            problems.extend(exc.problems)
            continue
        meta, page_problems = check_page(data, path, vocabulary)
        problems.extend(page_problems)
        metas.append(meta)
        for alias, _anchor in dict.fromkeys(meta.all_aliases()):
            key = normalize_alias(alias)
            if key in owner and owner[key][0] != path:
                other_path, other_alias = owner[key]
                problems.append(
                    f"{path}: duplicate alias `{alias}`: {other_path} already has `{other_alias}`; "
                    "an alias names exactly one page (or section), so remove it from one of them")
            else:
                owner.setdefault(key, (path, alias))
    if problems:
        raise FrontMatterError(problems)
    return metas


def load_page(path: Path | str, vocabulary: Iterable[str], display: str | None = None) -> PageMeta:
    """Load and validate one page's front matter (no cross-page rules)."""
    path = Path(path)
    shown = display or path.as_posix()
    data = parse_front_matter(path.read_text(encoding="utf-8-sig"), shown)
    meta, problems = check_page(data, shown, vocabulary)
    if problems:
        raise FrontMatterError(problems)
    return meta


def validate_directory(docs_dir: Path | str, vocabulary: Iterable[str],
                       root: Path | str | None = None) -> list[PageMeta]:
    """Validate every Markdown page under docs_dir; paths in messages are relative to root."""
    docs_dir = Path(docs_dir)
    base = Path(root) if root is not None else docs_dir.parent
    sources = []
    for page in sorted(docs_dir.rglob("*.md")):
        try:
            shown = page.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            shown = page.as_posix()
        sources.append((shown, page.read_text(encoding="utf-8-sig")))
    return check_pages(sources, vocabulary)


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags a safe loader would reject."""


def _construct_any(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_LenientLoader.add_multi_constructor("", _construct_any)


def load_vocabulary(mkdocs_yml: Path | str) -> frozenset[str]:
    """The tag vocabulary: `tags_allowed` of the tags plugin in mkdocs.yml."""
    mkdocs_yml = Path(mkdocs_yml)
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                if name in ("tags", "material/tags"):
                    allowed = (options or {}).get("tags_allowed") or []
                    return frozenset(str(t) for t in allowed)
    raise FrontMatterError([
        f"{mkdocs_yml.name}: no tags plugin with `tags_allowed`: add `- tags: {{tags_allowed: [...]}}` "
        "under `plugins:`"
    ])
