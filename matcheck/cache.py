"""Remembered verdicts and renderings, so `mkdocs serve` redoes only what an edit changed.

A page's verdicts depend only on the page's own text (its where boxes and definitions are its
own; seeds come from its path), so a page report is reused while the page's path and text are
unchanged. The source audit depends only on the cheat sheet and its audit context, and a
formula's MathML only on its TeX. The memory is this module's: it lives as long as the process
(one `mkdocs serve`), and is discarded with the module when the checker's own code changes
(buildrun.reload). A single build gains nothing and loses nothing.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .check import DRAWS
from .page import PageReport, check_page
from .render import to_mathml

_pages: dict[tuple, PageReport] = {}
_audits: dict[str, tuple[str, list[str]]] = {}
_mathml: dict[tuple[str, bool], str] = {}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_files(paths, root: Path, base_seed: int = 0, draws: int = DRAWS) -> list[PageReport]:
    """matcheck.page.check_files, reusing the report of every page whose text is unchanged."""
    from .notebook import notebook_markdown
    reports, used = [], set()
    for path in paths:
        rel = Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
        text = Path(path).read_text(encoding="utf-8")
        if rel.endswith(".py"):
            text = notebook_markdown(text)
        key = (rel, _digest(text), base_seed, draws)
        report = _pages.get(key)
        if report is None:
            report = _pages[key] = check_page(text, rel, base_seed, draws)
        used.add(key)
        reports.append(report)
    for key in set(_pages) - used:  # an edited page's old versions
        if key[0] in {k[0] for k in used}:
            del _pages[key]
    return reports


def audit_errata(root: Path, docs: Path) -> tuple[str, list[str]]:
    """matcheck.audit.audit_errata, reused while the source and its audit context are unchanged."""
    from .audit import CONTEXT, SOURCE
    from .audit import audit_errata as audit
    key = _digest((Path(root) / SOURCE).read_text(encoding="utf-8") + "\0"
                  + (Path(root) / CONTEXT).read_text(encoding="utf-8") + "\0" + str(Path(docs).resolve()))
    if key not in _audits:
        _audits.clear()
        _audits[key] = audit(root, docs)
    markdown, errors = _audits[key]
    return markdown, list(errors)


def check_site(paths, root: Path, docs: Path, base_seed: int = 0, audit: bool = True):
    """matcheck.site.check_site with the memory above."""
    from .site import SiteReport
    pages = check_files(paths, root, base_seed)
    errata_md, audit_errors = audit_errata(root, docs) if audit else ("", [])
    return SiteReport(root, docs, pages, errata_md, tuple(audit_errors))


def mathml(tex: str, display: bool) -> str:
    """matcheck.render.to_mathml, each TeX rendered once (TexError is not remembered)."""
    key = (tex, display)
    if key not in _mathml:
        _mathml[key] = to_mathml(tex, display)
    return _mathml[key]
