"""All pages of the site at once: check them, then serve each page's expanded Markdown and the
generated Verification and Errata sections. Kept free of MkDocs so tests and scripts use it too."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .page import PageReport, check_files

VERIFICATION_MARK = "<!-- matcheck:verification-summary -->"
ERRATA_MARK = "<!-- matcheck:errata -->"


@dataclass
class SiteReport:
    root: Path
    docs: Path
    pages: list            # PageReport
    errata_markdown: str = ""
    audit_errors: tuple = ()

    def page_for(self, abs_path) -> PageReport | None:
        rel = Path(abs_path).resolve().relative_to(self.root.resolve()).as_posix()
        for p in self.pages:
            if p.page == rel:
                return p
        return None

    @property
    def results(self) -> list:
        return [r for p in self.pages for r in p.results]

    def error_lines(self) -> list[str]:
        return [e for p in self.pages for e in p.error_lines()] + list(self.audit_errors)

    def totals(self) -> Counter:
        return Counter(r.status for r in self.results)

    def as_json(self) -> dict:
        checked = [r for r in self.results if r.status in ("verified", "definition")]
        return {
            "convention": "gradient of a scalar: the variable's shape (denominator layout); "
                          "Jacobian of y in R^m w.r.t. x in R^n: m x n",
            "totals": dict(self.totals()),
            "formulas": [{"page": r.page, "line": r.line, "latex": r.tex, "status": r.status,
                          "draws": r.draws, "max_rel_err": float(f"{r.max_rel_err:.3g}"),
                          **({"note": r.message} if r.status == "verified" and r.message else {})}
                         for r in checked],
        }

    def page_markdown(self, page: PageReport) -> str:
        text = page.markdown
        if VERIFICATION_MARK in text:
            text = text.replace(VERIFICATION_MARK, self.verification_markdown())
        if ERRATA_MARK in text:
            text = text.replace(ERRATA_MARK, self.errata_markdown)
        return text

    def verification_markdown(self) -> str:
        t = self.totals()
        lines = [
            f"**{t['verified']} formulas verified**, {t['definition']} definitions, "
            f"{t['declaration']} declarations, {t['notation']} set-membership notations and "
            f"{t['expression']} expressions in prose (parsed, nothing to verify); "
            f"**{t['failed']} failures** (the build stops on any).",
            "",
            "| Page | Verified | Definitions | Largest relative error |",
            "| --- | ---: | ---: | ---: |",
        ]
        for p in self.pages:
            ver = [r for r in p.results if r.status == "verified"]
            defs = [r for r in p.results if r.status == "definition"]
            if not ver and not defs:
                continue
            worst = max((r.max_rel_err for r in ver), default=0.0)
            # docs pages relative to docs/; notebooks are pages at their repository path.
            link = (os.path.relpath(self.root / p.page, self.docs).replace(os.sep, "/")
                    if p.page.startswith("docs/") else p.page)
            title = Path(p.page).stem.replace("-", " ").capitalize()
            lines.append(f"| [{title}]({link}) | {len(ver)} | {len(defs)} | {worst:.1e} |")
        return "\n".join(lines)


def check_site(paths, root: Path, docs: Path, base_seed: int = 0, audit: bool = True,
               draws: int | None = None) -> SiteReport:
    from .audit import CONTEXT, audit_errata  # the errata come from checking the source cheat sheet
    from .check import DRAWS
    pages = check_files(paths, root, base_seed, draws or DRAWS)
    # A site without a source to audit (source/audit.yml) has no errata: check its pages alone.
    audit = audit and (root / CONTEXT).is_file()
    errata_md, audit_errors = audit_errata(root, docs) if audit else ("", [])
    return SiteReport(root, docs, pages, errata_md, tuple(audit_errors))
