"""The Matrix Cookbook's equation numbers: markers on the pages, the cross-reference table, its audit.

A page marks a verified display formula with the Cookbook number(s) it states by a line right
after the formula's closing `$$`, at the same indentation:

    $$
    \\frac{\\partial \\det(X)}{\\partial X} = \\det(X) X^{-T}
    $$
    {: cookbook="49" }

(`cookbook="55 56"` for several). The marker stays out of the TeX the checker verifies; the build
replaces it with a small "Cookbook (49)" line under the formula, with an anchor `#cookbook-49`.
A marker that does not follow a verified display formula is an error naming file and line.

`source/cookbook-equations.yml` lists every equation number of the sections the site covers, with
its formula as printed and a status: `site` (then a marker must carry the number), or the reason it
is not on the site. `audit` checks both ways. Errata: an entry may record the formula as printed in
the checker's notation (`printed_check`); it must keep failing the checker.

Pure Python over matcheck's page reports: no MkDocs here (hooks/formulas.py is the adapter).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MARKER = re.compile(r'^(?P<indent>[ \t]*)\{:\s*cookbook="(?P<numbers>[^"]*)"\s*\}[ \t]*$')
TABLE_MARK = "<!-- cookbook:cross-reference -->"
COUNTS_MARK = "<!-- cookbook:counts -->"

# Why an equation is not on the site: the only reasons an entry may give.
REASONS = {
    "complex": "complex matrices or conjugate transposes (the site is real-valued)",
    "approximation": "an approximation, not an identity",
    "not-a-formula": "a definition, a convention or a statement about notation, nothing to verify",
    "notation": "needs notation the checker does not read yet",
    "structured": "a derivative with respect to a structured (symmetric, diagonal, Toeplitz) matrix",
    "expectation": ("an expectation or a statement about distributions: random variables the checker "
                    "cannot draw (the page verifies the matrix identity behind it, where there is one)"),
    "todo": "not written on the site yet",
}


@dataclass
class Marker:
    page: str            # repository path of the page, e.g. docs/determinants.md
    line: int            # the marker's line
    numbers: list        # the Cookbook numbers (strings, as written)
    formula_line: int = 0  # the line of the formula's first TeX line (what the checker reports)
    tex: str = ""


@dataclass
class Equation:
    number: str
    section: str
    tex: str
    status: str          # "site" or a key of REASONS
    note: str = ""
    printed_check: dict = field(default_factory=dict)   # erratum: {tex, where} as printed
    correct: str = ""    # erratum: what the site publishes instead (TeX, prose)


def parse_numbers(text: str) -> list[str]:
    return [n for n in re.split(r"[\s,]+", text.strip()) if n]


def find_markers(text: str, page: str) -> tuple[list[Marker], list[str]]:
    """Every marker of a page, each tied to the display formula it follows; errors for the others."""
    lines = text.splitlines()
    markers, errors = [], []
    opened = None        # line number of the TeX after an opening `$$`
    closes = {}          # line of a closing `$$` -> (indent, first TeX line)
    fence = None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
            continue
        if fence:
            continue
        if stripped == "$$":
            if opened is None:
                opened = number + 1
            else:
                closes[number] = (line[: len(line) - len(line.lstrip())], opened)
                opened = None
            continue
        m = MARKER.match(line)
        if not m:
            if "cookbook=" in line and line.lstrip().startswith("{:"):
                errors.append(f"{page}:{number}: unreadable Cookbook marker `{stripped}`; write "
                              '`{: cookbook="57" }` on the line right after a formula\'s closing `$$`')
            continue
        numbers = parse_numbers(m.group("numbers"))
        before = closes.get(number - 1)
        if not numbers or not all(re.fullmatch(r"\d+", n) for n in numbers):
            errors.append(f"{page}:{number}: Cookbook marker `{stripped}`: give equation numbers, "
                          'e.g. cookbook="57" or cookbook="55 56"')
        elif before is None:
            errors.append(f"{page}:{number}: Cookbook marker `{stripped}` is not attached to a display "
                          "formula: put it on the line right after the formula's closing `$$`")
        elif before[0] != m.group("indent"):
            errors.append(f"{page}:{number}: Cookbook marker `{stripped}` must have the indentation of "
                          "the `$$` above it")
        else:
            markers.append(Marker(page, number, numbers, before[1]))
    return markers, errors


def attach(markers: list[Marker], page_report) -> list[str]:
    """Each marker's formula must be a display formula the checker verified."""
    errors = []
    by_line = {r.line: r for r in page_report.results if r.display}
    for mk in markers:
        result = by_line.get(mk.formula_line)
        if result is None or result.status != "verified":
            what = f"a {result.status} formula" if result else "no checked formula"
            errors.append(f"{mk.page}:{mk.line}: Cookbook marker cookbook=\"{' '.join(mk.numbers)}\" "
                          f"follows {what} (line {mk.formula_line}); only a verified display formula "
                          "may carry a Cookbook number")
        else:
            mk.tex = result.tex
    return errors


def site_markers(report) -> tuple[list[Marker], list[str]]:
    """All markers of a matcheck SiteReport's pages (read from disk), checked against its results."""
    markers, errors = [], []
    for page in report.pages:
        path = report.root / page.page
        if path.suffix != ".md":
            continue
        found, errs = find_markers(path.read_text(encoding="utf-8"), page.page)
        errors += errs + attach(found, page)
        markers += [m for m in found if m.tex]
    return markers, errors


def render_markers(markdown: str) -> str:
    """Replace each marker line by the reader's "Cookbook (N)" line, with an anchor per number."""
    def repl(m: re.Match) -> str:
        numbers = parse_numbers(m.group("numbers"))
        anchors = "".join(f'<span id="cookbook-{n}"></span>' for n in numbers)
        label = ", ".join(f"({n})" for n in numbers)
        return (f'{m.group("indent")}<p class="mc-cookbook">{anchors}'
                f'<span title="Equation number in The Matrix Cookbook, November 15, 2012">'
                f"Cookbook {label}</span></p>")
    return "\n".join(MARKER.sub(repl, line) for line in markdown.split("\n"))


def load_equations(path: Path) -> list[Equation]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for entry in data["equations"]:
        out.append(Equation(number=str(entry["n"]), section=entry["section"], tex=entry.get("tex", ""),
                            status=entry["status"], note=entry.get("note", ""),
                            printed_check=entry.get("printed_check") or {},
                            correct=entry.get("correct", "")))
    return out


def audit(equations: list[Equation], markers: list[Marker], yml: str = "source/cookbook-equations.yml",
          check_printed=None) -> list[str]:
    """Both ways: `site` entries carry a marker, markers name `site` entries; reasons are known;
    errata keep failing (`check_printed(tex, where) -> bool verified`, when given)."""
    errors = []
    numbers = [e.number for e in equations]
    seen = set()
    for n in numbers:
        if n in seen:
            errors.append(f"{yml}: equation {n} is listed twice")
        seen.add(n)
    marked = {n for m in markers for n in m.numbers}
    for e in equations:
        if e.status != "site" and e.status not in REASONS:
            errors.append(f"{yml}: equation {e.number}: status `{e.status}` is neither `site` nor one of "
                          f"{sorted(REASONS)}")
        if e.status == "site" and e.number not in marked:
            errors.append(f"{yml}: equation {e.number} says `site` but no page marks a formula "
                          f'with {{: cookbook="{e.number}" }}')
        if e.status != "site" and e.number in marked:
            where = next(f"{m.page}:{m.line}" for m in markers if e.number in m.numbers)
            errors.append(f"{yml}: equation {e.number} says `{e.status}` but {where} marks it: "
                          "set its status to `site`")
        if e.printed_check and check_printed is not None:
            if check_printed(e.printed_check["tex"], e.printed_check.get("where", "")):
                errors.append(f"{yml}: equation {e.number} is listed as an erratum but the formula as "
                              "printed now verifies: remove the erratum or fix its transcription")
    for m in markers:
        for n in m.numbers:
            if n not in seen:
                errors.append(f"{m.page}:{m.line}: Cookbook number {n} is not in {yml}")
    return errors


def counts(equations: list[Equation]) -> dict:
    out = {"listed": len(equations), "site": 0}
    for e in equations:
        out[e.status] = out.get(e.status, 0) + 1
    out["errata"] = sum(1 for e in equations if e.printed_check)
    return out


def counts_line(equations: list[Equation]) -> str:
    """One sentence with the counts; the README quotes it verbatim (tests/test_cookbook.py)."""
    c = counts(equations)
    reasons = "; ".join(f"{c[k]} not here: {REASONS[k]}" for k in REASONS if c.get(k))
    return (f"**{c['listed']} Cookbook equation numbers listed, {c['site']} of them on the site "
            f"(verified)**; {reasons}. {c['errata']} are printed wrong in the Cookbook: the site "
            "shows the correct formula, and the formula as printed must keep failing the checker.")


def _href(page: str, number: str, here: str) -> str:
    """The built URL of a page's anchor, relative to the built page of `here` (directory URLs)."""
    target = Path(page).relative_to("docs").with_suffix("").as_posix()
    source = Path(here).relative_to("docs").with_suffix("").as_posix()
    target = "" if target == "index" else target + "/"
    up = "../" * (0 if source == "index" else source.count("/") + 1)
    return f"{up}{target}#cookbook-{number}"


def _code(tex: str) -> str:
    return f"<code>{html.escape(tex)}</code>"


def _note_html(text: str, typeset=_code) -> str:
    """A note with TeX in backticks, each typeset by `typeset`."""
    parts = text.split("`")
    return "".join(typeset(p) if k % 2 else html.escape(p) for k, p in enumerate(parts))


def crossref_markdown(equations: list[Equation], markers: list[Marker],
                      here: str = "docs/cookbook.md", typeset=_code) -> str:
    """The cross-reference table, as one raw HTML block (the printed TeX stays out of Markdown's
    and arithmatex's way): every number, where it is on the site or why it is not. `typeset`
    turns a TeX string into HTML (the build passes a MathML renderer; the default shows code)."""
    where = {}
    for m in markers:
        for n in m.numbers:
            where.setdefault(n, []).append(m)
    rows = []
    for e in equations:
        printed = typeset(" ".join(e.tex.split()))
        if e.status == "site":
            cell = ", ".join(
                f'<a href="{_href(m.page, e.number, here)}">{html.escape(_title(m.page))}</a>'
                for m in where.get(e.number, []))
        else:
            cell = "not here: " + html.escape(REASONS[e.status])
        if e.note:
            cell += f" ({_note_html(e.note, typeset)})"
        if e.printed_check:
            cell += (" <strong>Erratum</strong>: the formula as printed fails the checker; the page "
                     "shows the correct one.")
        rows.append(f'<tr id="eq-{e.number}"><td>({e.number})</td><td>{html.escape(e.section)}</td>'
                    f"<td>{printed}</td><td>{cell}</td></tr>")
    return "\n".join([
        counts_line(equations),
        "",
        # Out of the search index (which every page loads): the numbers are found on the pages that
        # state them ("Cookbook (N)" under each formula).
        '<div class="md-typeset__scrollwrap" data-search-exclude="table"><div class="md-typeset__table"><table>',
        "<thead><tr><th>Cookbook</th><th>Section</th><th>As printed</th><th>On this site</th></tr></thead>",
        "<tbody>", *rows, "</tbody></table></div></div>",
    ])


def _title(page: str) -> str:
    return Path(page).stem.replace("-", " ").capitalize()


def printed_verifies(tex: str, where: str, draws: int = 20) -> bool:
    """Does a formula, as the Cookbook prints it (in the checker's notation), verify?"""
    from matcheck.check import check_tex
    from matcheck.declare import parse_declarations
    from matcheck.evaluate import Scope

    decls = parse_declarations(where) if where.strip() else []
    return check_tex(tex, Scope({d.key: d for d in decls}, {}), seed=0, draws=draws).status == "verified"
