"""A whole page: its where boxes, its definitions, and a verdict for every formula, in order."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from .check import DRAWS, Verdict, check_tex, content_seed, reproduce_command
from .declare import DeclarationError, describe, parse_declarations
from .evaluate import Scope
from .extract import extract
from .parse import FormulaSyntaxError, parse

WHERE_OPEN = "/// where"
WRONG_OPEN = "/// wrong"
WHERE_CLOSE = "///"
WRONG_MARK = "MATCHECK-WRONG-"


@dataclass
class FormulaResult:
    page: str
    line: int
    tex: str
    display: bool
    status: str          # verified | definition | notation | expression | declaration | failed
    message: str = ""
    draws: int = 0
    max_rel_err: float = 0.0
    seed: int | None = None
    margin: float = 0.0      # largest discrepancy over what the tolerance allowed (below 1 passes)
    reproduce: str = ""

    def error_text(self) -> str:
        text = f"{self.page}:{self.line}: formula `{self.tex}`\n    {self.message}"
        return text + (f"\n    reproduce: {self.reproduce}" if self.reproduce else "")

    def as_json(self) -> dict:
        d = asdict(self)
        d["max_rel_err"] = float(f"{self.max_rel_err:.3g}")
        return d


@dataclass
class PageReport:
    page: str
    markdown: str                     # the page with where boxes expanded (what MkDocs renders)
    results: list = field(default_factory=list)
    errors: list = field(default_factory=list)   # problems outside a formula (a bad where box)
    scopes: list = field(default_factory=list)   # the scope each result was checked in (for mutation tests)
    refuted: int = 0                              # `/// wrong` formulas, each rejected by the checker
    where_boxes: list = field(default_factory=list)  # each where box's declarations, in page order

    @property
    def failures(self) -> list:
        return [r for r in self.results if r.status == "failed"]

    def error_lines(self) -> list[str]:
        return self.errors + [r.error_text() for r in self.failures]


def split_front_matter(text: str) -> tuple[str, int]:
    """The body after YAML front matter, and how many lines came before it."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            nl = text.find("\n", end + 4)
            nl = len(text) if nl < 0 else nl + 1
            return text[nl:], text[:nl].count("\n")
    return text, 0


def expand_where(body: str, page: str, first_line: int = 1):
    """Replace each `/// where` block by a "Where" admonition, and each `/// wrong` block (a wrong
    formula shown on purpose, as code, with the checker's counterexample) by a "Wrong" admonition;
    return the new Markdown, a map from its lines to source lines, the events (row, decls) and
    (row, ("wrong", tex, source line)), errors, and the generated rows."""
    lines = body.split("\n")
    out, line_map, events, errors, generated = [], [], [], [], set()

    def emit(texts, src_line):
        for text in texts:
            generated.add(len(out))
            out.append(text)
            line_map.append(src_line)

    k = 0
    while k < len(lines):
        line = lines[k]
        kind = {WHERE_OPEN: "where", WRONG_OPEN: "wrong"}.get(line.strip())
        if kind is None:
            out.append(line)
            line_map.append(first_line + k)
            k += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        src_line = first_line + k
        end = k + 1
        while end < len(lines) and lines[end].strip() != WHERE_CLOSE:
            end += 1
        if end >= len(lines):
            errors.append(f"{page}:{src_line}: `/// {kind}` block is not closed: end it with a line `///`")
            break
        block = [b.strip() for b in lines[k + 1:end]]
        k = end + 1
        if kind == "wrong":
            tex = " ".join(b for b in block if b)
            events.append((len(out), ("wrong", tex, src_line)))
            emit([f'{indent}!!! failure "Wrong: a form that circulates"', "",
                  f"{indent}    ```latex", f"{indent}    {tex}", f"{indent}    ```", "",
                  f"{indent}    {WRONG_MARK}{len(events) - 1}", ""], src_line)
            continue
        try:
            decls = parse_declarations("\n".join(block))
        except DeclarationError as exc:
            errors.append(f"{page}:{src_line}: where box: {exc}")
            decls = []
        events.append((len(out), decls))
        emit([f'{indent}!!! abstract where "Where"', ""] + [f"{indent}    - {describe(d)}" for d in decls] + [""],
             src_line)
    return "\n".join(out), line_map, events, errors, generated


def check_page(text: str, page: str, base_seed: int = 0, draws: int = DRAWS, method: str = "dual") -> PageReport:
    """Check every formula of a page (given with its front matter, so line numbers match the file)."""
    body, offset = split_front_matter(text)
    expanded, line_map, events, errors, generated = expand_where(body, page, offset + 1)
    report = PageReport(page, expanded, errors=list(errors))
    report.where_boxes = [p for _, p in events if not (isinstance(p, tuple) and p and p[0] == "wrong")]
    scope = Scope({}, {})
    later = {}
    for box in report.where_boxes:
        for d in box:
            later.setdefault(d.key, d)
    later_defs = _defined_keys(extract(expanded))
    pending = list(events)
    wrong_messages = {}

    def apply(event_index, payload):
        if isinstance(payload, tuple) and payload and payload[0] == "wrong":
            _, tex, line = payload
            verdict = check_tex(tex, scope.copy(), seed=content_seed(page, tex, scope, base_seed), draws=draws)
            if verdict.status != "failed":
                report.errors.append(f"{page}:{line}: formula `{tex}` is marked wrong, but the checker "
                                     f"finds it {verdict.status}: show it as a right formula instead")
            wrong_messages[event_index] = verdict.message
            return
        for d in payload:
            scope.decls[d.key] = d
            scope.defs.pop(d.key, None)

    done = 0
    for math in extract(expanded):
        row = math.line - 1
        while pending and pending[0][0] <= row:
            apply(done, pending.pop(0)[1])
            done += 1
        src_line = line_map[row]
        report.scopes.append(scope.copy())
        if row in generated:
            report.results.append(FormulaResult(page, src_line, math.tex, math.display, "declaration"))
            continue
        seed = content_seed(page, math.tex, scope, base_seed)
        before = report.scopes[-1]
        # Math in prose may name a symbol that a where box further down declares (an introduction
        # saying what the page is about): it is checked against those declarations too.
        target = _with_later(scope, later, later_defs) if _is_prose(math.tex) else scope
        verdict: Verdict = check_tex(math.tex, target, seed=seed, draws=draws, method=method)
        report.results.append(FormulaResult(
            page, src_line, math.tex, math.display, verdict.status, verdict.message, verdict.draws,
            verdict.max_rel_err, seed, verdict.margin,
            reproduce_command(math.tex, before, seed, draws) if verdict.status == "failed" else ""))
    while pending:
        apply(done, pending.pop(0)[1])
        done += 1
    for k, message in wrong_messages.items():
        report.markdown = report.markdown.replace(
            f"{WRONG_MARK}{k}\n", f"**The checker's counterexample:** {message.replace('$', chr(92) + '$')}\n", 1)
    report.refuted = len(wrong_messages)
    return report


def _is_prose(tex: str) -> bool:
    try:
        return not parse(tex).rels
    except FormulaSyntaxError:
        return False


def _defined_keys(maths) -> set:
    """Symbols a `:=` on the page binds (`h := \\gamma \\odot g`)."""
    from .tree import Mul, Sym
    keys = set()
    for m in maths:
        try:
            f = parse(m.tex)
        except FormulaSyntaxError:
            continue
        lhs = f.sides[0] if f.is_definition else None
        if isinstance(lhs, Mul) and len(lhs.factors) == 2:
            lhs = lhs.factors[0]
        if isinstance(lhs, Sym):
            keys.add(lhs.name if lhs.sub is None else f"{lhs.name}_{lhs.sub}")
    return keys


def _with_later(scope: Scope, later: dict, later_defs: set) -> Scope:
    """The scope, plus what where boxes further down declare and what `:=` further down defines
    (as names only: a prose mention needs the symbol to exist, not its value)."""
    from .declare import Decl
    extra = {k: d for k, d in later.items() if k not in scope.decls and k not in scope.defs}
    for key in later_defs - set(scope.defs) - set(scope.decls) - set(extra):
        extra[key] = Decl(key, key, "any_matrix")
    if not extra:
        return scope
    return Scope({**extra, **scope.decls}, scope.defs, scope.def_tex, scope.def_args)


def check_files(paths, root: Path, base_seed: int = 0, draws: int = DRAWS,
                method: str = "dual") -> list[PageReport]:
    """Check Markdown pages and jupytext notebooks (`.py`: their Markdown cells)."""
    from .notebook import notebook_markdown
    reports = []
    for path in paths:
        rel = Path(path).resolve().relative_to(root.resolve()).as_posix()
        text = Path(path).read_text(encoding="utf-8")
        if rel.endswith(".py"):
            text = notebook_markdown(text)
        reports.append(check_page(text, rel, base_seed, draws, method))
    return reports
