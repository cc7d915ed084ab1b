"""Check the source cheat sheet itself, and turn what fails into the site's errata.

The source declares nothing, so source/audit.yml gives each block of its lines the declarations its
prose implies. The checker then decides: every failing source formula must have an errata entry,
and every errata entry must still fail. Either mismatch is a build error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .check import check_formula
from .counterexample import explain, reword
from .declare import parse_declarations
from .evaluate import Scope
from .extract import extract
from .page import quoted_tex_placeholder, split_front_matter, wrong_formula_placeholder
from .parse import FormulaSyntaxError, parse
from .tree import Formula

SOURCE = Path("source/matrix-calculus-cheat-sheet.md")
CONTEXT = Path("source/audit.yml")

KIND_TITLES = {
    "wrong": "Wrong formulas",
    "convention": "Conflicting layout conventions",
    "notation": "Notation written as an equation, or outside any checkable notation",
}


@dataclass
class SourceResult:
    line: int
    tex: str
    display: bool
    status: str
    message: str
    plain: str = ""      # a failure's counterexample in plain words (matcheck.counterexample)


def _result(line: int, m, verdict, scope: Scope) -> SourceResult:
    plain = explain(m.tex, scope.copy(), verdict.message, line) if not verdict.ok else ""
    return SourceResult(line, m.tex, m.display, verdict.status, verdict.message, plain)


def audit_source(root: Path, config: dict | None = None) -> list[SourceResult]:
    text = (root / SOURCE).read_text(encoding="utf-8")
    config = config or yaml.safe_load((root / CONTEXT).read_text(encoding="utf-8"))
    body, offset = split_front_matter(text)
    maths = [(m.line + offset, m) for m in extract(body)]
    results = []
    for ctx in config["contexts"]:
        lo, hi = ctx["lines"]
        scope = Scope({d.key: d for d in parse_declarations(ctx["where"])}, {})
        block = [(line, m) for line, m in maths if lo <= line <= hi]
        parsed = []
        for line, m in block:
            try:
                formula = parse(m.tex)
            except FormulaSyntaxError as exc:
                message = f"does not parse: {exc.reason}"
                results.append(SourceResult(line, m.tex, m.display, "failed", message, reword(message)))
                continue
            if _is_definition(line, formula, ctx.get("definitions", [])):
                formula = Formula(formula.sides, (":=",) + formula.rels[1:], formula.annotation)
            parsed.append((line, m, formula))
        # The source sometimes defines a symbol after using it: bind definitions first, in
        # dependency order (retrying those whose symbols a later definition supplies).
        pending = [p for p in parsed if p[2].is_definition]
        for _ in range(len(pending) + 1):
            retry = []
            for line, m, formula in pending:
                verdict = check_formula(formula, m.tex, scope, seed=line)
                (results.append(_result(line, m, verdict, scope))
                 if verdict.ok else retry.append((line, m, formula, verdict)))
            if len(retry) == len(pending) or not retry:
                for line, m, _f, verdict in retry:
                    results.append(_result(line, m, verdict, scope))
                break
            pending = [r[:3] for r in retry]
        for line, m, formula in parsed:
            if not formula.rels:
                # The source's prose math names things; it states nothing the audit could reject.
                results.append(SourceResult(line, m.tex, m.display, "expression", ""))
            elif not formula.is_definition:
                verdict = check_formula(formula, m.tex, scope, seed=line)
                results.append(_result(line, m, verdict, scope))
    return sorted(results, key=lambda r: r.line)


def _is_definition(line: int, formula: Formula, entries) -> bool:
    """An entry is a line number (every `=` formula on it) or "line:symbol" (the one defining it)."""
    if not formula.rels or formula.rels[0] != "=":
        return False
    for e in entries:
        if isinstance(e, int) and e == line:
            return True
        if isinstance(e, str) and e.split(":")[0].strip() == str(line):
            lhs = formula.sides[0]
            name = getattr(lhs, "name", None) or getattr(getattr(lhs, "factors", [None])[0], "name", None)
            if name == e.split(":", 1)[1].strip():
                return True
    return False


def repeated_passages(results: list[SourceResult]) -> list[tuple[int, int]]:
    """(line, first line) for each display formula the source writes again, word for word."""
    first, out = {}, []
    for r in results:
        if r.display:
            if r.tex in first:
                out.append((r.line, first[r.tex]))
            else:
                first[r.tex] = r.line
    return out


def audit_errata(root: Path, docs: Path) -> tuple[str, list[str]]:
    """The errata page's generated Markdown, and build errors where source and errata disagree."""
    config = yaml.safe_load((root / CONTEXT).read_text(encoding="utf-8"))
    errata = config.get("errata", {}) or {}
    results = audit_source(root, config)
    failed = {r.line: r for r in results if r.status == "failed"}
    errors = []
    for line, r in failed.items():
        if line not in errata:
            errors.append(f"{SOURCE}:{line}: the checker rejects source formula `{r.tex}` ({r.message}) "
                          f"but {CONTEXT} has no errata entry for line {line}: add one saying what the site shows")
    for line in errata:
        if line not in failed:
            errors.append(f"{CONTEXT}: errata entry for line {line}, but the checker no longer rejects that "
                          "source line: remove the entry (or fix the audit context)")
    lines = [
        f"The checker ran over every formula of the source cheat sheet ({len(results)} formulas, "
        f"{sum(r.status == 'verified' for r in results)} verified as written). "
        f"It rejected the {len(failed)} below; each is corrected on the page named.",
        "",
    ]
    for kind, title in KIND_TITLES.items():
        rows = [(line, failed[line], errata[line]) for line in sorted(failed) if line in errata
                and errata[line].get("kind") == kind]
        if not rows:
            continue
        lines += [f"## {title}", ""]
        for line, r, entry in rows:
            page = entry.get("page", "")
            title_page = Path(page).stem.replace("-", " ").capitalize()
            lines += [
                f"### Source line {line}",
                "",
                '!!! failure wrong "The source has"',
                "",
                f"    {wrong_formula_placeholder(r.tex)}",
                "",
                f"    **The checker:** {r.plain or _plain(r.message)}",
                "",
                f"**On the site** ([{title_page}]({page})): {_typeset_quotes(entry.get('site', ''))}",
                "",
            ]
    repeats = repeated_passages(results)
    if repeats:
        lines += ["## Repeated passages", "",
                  "The source writes these display formulas more than once (the site writes each once): "
                  + ", ".join(f"line {a} repeats line {b}" for a, b in repeats) + ".", ""]
    return "\n".join(lines), errors


def _typeset_quotes(text: str) -> str:
    """An errata note's `TeX` code spans, typeset for readers (a placeholder the hook renders)."""
    return re.sub(r"`([^`]+)`", lambda m: quoted_tex_placeholder(m.group(1)), text)


def _plain(message: str) -> str:
    """A checker message as Markdown text: keep TeX-ish fragments in code spans, no `$`."""
    return message.replace("$", "\\$").replace("\n", " ")
