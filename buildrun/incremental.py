"""What a `mkdocs serve` rebuild must redo, so a one-page edit rebuilds one page.

MkDocs' dirty build renders only pages whose source is newer than their output. That misses what
a page depends on besides its own file (the snippets it includes; for the Verification and Errata
pages, every other page), and it leaves out of the search index every page it did not render.
This module keeps, for the life of the server process, the digests of each page's inputs and the
last complete search index, so the hooks can force exactly the pages whose inputs changed and
merge the index; anything that shapes every page (configuration, hooks, theme overrides, the
checker, the set of pages) changing makes the next rebuild a full one.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

# Survives the hooks (MkDocs re-imports them for every rebuild); not the process.
STATE: dict = {}

GLOBAL_INPUTS = ("mkdocs.yml", "hooks", "overrides", "matcheck", "sitemeta", "buildrun", "source",
                 "docs/stylesheets", "docs/assets")


def _hash_tree(h, path: Path) -> None:
    if path.is_file():
        h.update(path.as_posix().encode())
        h.update(path.read_bytes())
    elif path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(p.as_posix().encode())
                h.update(p.read_bytes())


def global_digest(root: Path) -> str:
    """Everything that shapes every page, and the set of pages (an added page changes the nav)."""
    h = hashlib.sha256()
    for name in GLOBAL_INPUTS:
        _hash_tree(h, Path(root) / name)
    for folder, pattern in (("docs", "*.md"), ("notebooks", "*.py")):
        for p in sorted((Path(root) / folder).rglob(pattern)):
            h.update(p.relative_to(root).as_posix().encode())
    return h.hexdigest()


def digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def merge_search_index(previous: dict | None, current: dict, rebuilt: set[str]) -> dict:
    """The index of a dirty build holds only the pages it rendered: take every other page's
    entries from the previous complete index (a page's entries have locations `url` and
    `url#anchor`)."""
    if not previous:
        return current
    def page_of(doc):
        return doc.get("location", "").split("#", 1)[0]
    kept = [d for d in previous.get("docs", []) if page_of(d) not in rebuilt]
    fresh = [d for d in current.get("docs", []) if page_of(d) in rebuilt]
    return {**current, "docs": kept + fresh}
