"""Check one relation chain (a = b = c) on random draws; return a verdict with its evidence."""
from __future__ import annotations

import itertools
import shlex
from dataclasses import dataclass
from typing import Optional

import numpy as np

from . import algebra as al
from .declare import format_decl
from .errors import ShapeError
from .evaluate import CheckError, Env, NotEvaluable, Scope, Shapes, free_indices, resolve
from .extract import normalize
from .parse import FormulaSyntaxError, parse
from .resolve import CONSTANTS, key_of, used_symbols
from .tree import Formula, Mul, Num, Sym, walk

DRAWS = 5
# Derivatives are exact to rounding (dual numbers), so two sides that are equal agree to rounding:
# relative error 1e-9 is the tolerance, plus the rounding that cancellation inside a side can leave
# (ROUNDING units of float64 epsilon of the largest intermediate value the draw computed:
# x^T (dc/dx) = 0 evaluates to 1e-17, not 0). A wrong formula is off by O(1) on some draw.
TOLERANCE = 1e-9
ROUNDING = 1e3
EPS = float(np.finfo(float).eps)
# Only where the Richardson fallback ran (no exact rule): how far above its error estimate.
NOISE_MARGIN = 100.0


@dataclass
class Verdict:
    status: str                 # verified | definition | notation | expression | failed
    tex: str
    message: str = ""
    draws: int = 0
    max_rel_err: float = 0.0
    seed: Optional[int] = None
    margin: float = 0.0         # largest discrepancy / what was allowed (below 1 passes)
    reproduce: str = ""         # a command that reproduces this verdict

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def rel_err(a: np.ndarray, b: np.ndarray) -> float:
    scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(b))))
    diff = float(np.max(np.abs(a - b)))
    return diff / scale if scale > 0 else 0.0


def _fmt_value(v: np.ndarray) -> str:
    flat = np.round(v.reshape(-1)[:4], 4).tolist()
    more = "..." if v.size > 4 else ""
    return f"{v.shape[0]}x{v.shape[1]} {flat}{more}"


def check_tex(tex: str, scope: Scope, seed: int = 0, draws: int = DRAWS, method: str = "dual") -> Verdict:
    """Check a formula's TeX under a scope; a definition also binds its symbol in `scope`."""
    try:
        formula = parse(tex)
    except FormulaSyntaxError as exc:
        return Verdict("failed", tex, f"does not parse: {exc}")
    return check_formula(formula, tex, scope, seed, draws, method)


def check_formula(formula: Formula, tex: str, scope: Scope, seed: int = 0, draws: int = DRAWS,
                  method: str = "dual") -> Verdict:
    if not formula.rels:
        return check_prose(formula, tex, scope)
    if formula.is_notation:
        return _membership(formula, tex, scope, seed, draws)
    if formula.is_definition:
        return _define(formula, tex, scope, seed)
    return _verify_chain(list(formula.sides), tex, scope, seed, draws, method)


def check_prose(formula: Formula, tex: str, scope: Scope) -> Verdict:
    """Math in prose states nothing to verify, but it must use declared symbols with shapes that
    fit: `$Z$` for an undeclared Z, or `$b^T X b$` where the sizes cannot agree, fails like a formula.
    A component (`$x_i$`), a function named alone (`$f$`) and notation (`$\\mathbb{R}^n$`) are
    mentions and pass."""
    for node in (n for side in formula.sides for n in walk(side)):
        if isinstance(node, Sym) and not _known(node, scope):
            return Verdict("failed", tex, f"symbol `{key_of(node)}` is not declared: add it to the page's "
                           "`/// where` block above this line (math in prose is checked too)")
    for side in formula.sides:
        try:
            resolved = resolve(side, scope)
        except CheckError:
            continue  # a mention (x_i, f alone, notation): nothing to take the shape of
        try:
            Shapes(scope).of(resolved)
        except ShapeError as exc:
            return Verdict("failed", tex, f"shapes do not agree: {exc}")
        except CheckError:
            continue
    return Verdict("expression", tex)


def _known(sym: Sym, scope: Scope) -> bool:
    key = key_of(sym)
    if key in scope.decls or key in scope.defs or key in scope.dim_letters() or key in scope.indices():
        return True
    if key.endswith("'") and key[:-1] in scope.decls:
        return True
    if sym.sub is not None and (sym.name in scope.decls or sym.name in scope.defs):
        return True   # a component, x_i
    return sym.name == "\\sigma" or (sym.sub is None and key in CONSTANTS)   # the sigmoid, pi, e


def _verify_chain(raw_sides, tex, scope, seed, draws, method="dual") -> Verdict:
    """Verify each run of evaluable sides; notation inside an `=` chain fails after the runs pass,
    so the evidence shown is the most telling one."""
    resolved, notation = [], None
    for s in raw_sides:
        try:
            resolved.append(resolve(s, scope))
        except NotEvaluable as exc:
            resolved.append(None)
            notation = notation or str(exc)
        except CheckError as exc:
            return Verdict("failed", tex, str(exc))
    runs, run = [], []
    for r in resolved + [None]:
        if r is None:
            if len(run) >= 2:
                runs.append(run)
            run = []
        else:
            run.append(r)
    verdict = Verdict("verified", tex, draws=draws, seed=seed)
    for run in runs:
        v = verify_sides(run, tex, scope, seed, draws, method)
        if not v.ok:
            return v
        verdict.max_rel_err = max(verdict.max_rel_err, v.max_rel_err)
        verdict.margin = max(verdict.margin, v.margin)
        verdict.message = verdict.message or v.message
    if notation:
        return Verdict("failed", tex, notation)
    return verdict


def allowance(a: np.ndarray, b: np.ndarray, stats: dict) -> float:
    """How far apart two sides may be on one draw (absolute)."""
    scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(b))))
    return TOLERANCE * scale + ROUNDING * EPS * stats["magnitude"] + NOISE_MARGIN * stats["fallback"]


def verify_sides(sides, tex: str, scope: Scope, seed: int = 0, draws: int = DRAWS,
                 method: str = "dual") -> Verdict:
    """Evaluate the sides on `draws` random draws (draw k from the generator seeded (seed, k)) and
    compare neighbours. The verdict's max_rel_err is the largest discrepancy seen, relative to
    the size of the sides; `margin` is the largest discrepancy over what was allowed."""
    worst, worst_margin, used_fallback = 0.0, 0.0, False
    # A formula with free indices is checked at every combination of them: smaller sizes keep that
    # to hundreds of combinations, still distinct sizes for distinct dimensions.
    largest = {0: 7, 1: 7, 2: 5}.get(len(free_indices(sides)), 4)
    for draw in range(draws):
        rng = np.random.default_rng([seed, draw])
        shapes = Shapes(scope)
        try:
            side_shapes = [shapes.of(s) for s in sides]
            for k in range(len(sides) - 1):
                a, b = sides[k], sides[k + 1]
                if _literal_zero(a) or _literal_zero(b):
                    continue
                why = (f"side {k + 1} is {shapes.fmt(side_shapes[k])} but side {k + 2} is "
                       f"{shapes.fmt(side_shapes[k + 1])}")
                shapes.unify(side_shapes[k][0], side_shapes[k + 1][0], why)
                shapes.unify(side_shapes[k][1], side_shapes[k + 1][1], why)
            sizes = shapes.sizes(rng, largest)
            env = Env(scope, shapes, sizes, rng, method=method)
            values = [np.real_if_close(al.primal(v)) for v in _evaluate_sides(env, sides)]
        except CheckError as exc:
            return Verdict("failed", tex, f"shape or evaluation error: {exc}", draws=draw + 1, seed=seed)
        except (np.linalg.LinAlgError, FloatingPointError, ValueError, IndexError) as exc:
            return Verdict("failed", tex, f"evaluation error: {exc}", draws=draw + 1, seed=seed)
        used_fallback = used_fallback or env.stats["fallbacks"] > 0
        for k in range(len(values) - 1):
            a, b = values[k], values[k + 1]
            if _literal_zero(sides[k]):
                a = np.zeros_like(b)
            if _literal_zero(sides[k + 1]):
                b = np.zeros_like(a)
            if a.shape != b.shape:
                return Verdict("failed", tex, f"sides {k + 1} and {k + 2} differ in shape: "
                               f"{a.shape[0]}x{a.shape[1]} vs {b.shape[0]}x{b.shape[1]}",
                               draws=draw + 1, seed=seed)
            if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
                return Verdict("failed", tex, "a side is not finite", draws=draw + 1, seed=seed)
            diff = float(np.max(np.abs(a - b)))
            # Relative to the sides; where both are zero next to the values they were computed from
            # (a literal 0, or x^T dc/dx evaluating to 1e-17 from entries of size 1), relative to those.
            scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(b))))
            zero_sides = scale < 1e-6 * env.stats["magnitude"]
            err = diff / max(env.stats["magnitude"], 1e-300) if zero_sides else rel_err(a, b)
            allowed = allowance(a, b, env.stats)
            worst = max(worst, err)
            worst_margin = max(worst_margin, diff / allowed if allowed > 0 else (0.0 if diff == 0 else np.inf))
            if diff > allowed:
                dims = ", ".join(f"{d.label()}={sizes[id(d.find())]}" for d in shapes.letters.values()
                                 if d.find().name and not d.find().name.isdigit())
                return Verdict(
                    "failed", tex,
                    f"sides {k + 1} and {k + 2} disagree: max relative error {err:.3g} "
                    f"(tolerance {TOLERANCE:g}) at draw {draw + 1}{' with ' + dims if dims else ''}; "
                    f"side {k + 1} = {_fmt_value(a)}, side {k + 2} = {_fmt_value(b)}",
                    draws=draw + 1, max_rel_err=err, seed=seed, margin=diff / allowed if allowed else np.inf)
    note = "a derivative without an exact rule was taken by Richardson extrapolation" if used_fallback else ""
    return Verdict("verified", tex, draws=draws, max_rel_err=worst, seed=seed, message=note, margin=worst_margin)


def _evaluate_sides(env: Env, sides) -> list:
    idx = free_indices(sides)
    if not idx:
        return [env.eval(s) for s in sides]
    ranges = [range(env.size(env.shapes.index_dim(ch))) for ch in idx]
    out = []
    for s in sides:
        vals = [env.with_indices(dict(zip(idx, combo))).eval(s)[0, 0] for combo in itertools.product(*ranges)]
        out.append(np.array(vals).reshape(-1, 1))
    return out


def _membership(formula: Formula, tex: str, scope: Scope, seed: int, draws: int) -> Verdict:
    """`a = b \\in R^{m x n}`: verify the equalities, and check the claimed shape against the layout.
    A bare symbol restating its declaration (`x \\in R^n` in prose) is notation."""
    cut = formula.rels.index("\\in")
    lhs, claim = formula.sides[: cut + 1], formula.sides[cut + 1]
    if any(r != "=" for r in formula.rels[:cut]) or len(formula.sides) != cut + 2:
        return Verdict("failed", tex, "`\\in` must end a chain of `=`: `a = b \\in \\mathbb{R}^{m \\times n}`")
    try:
        # The claim holds for every side of the chain: test it on the last one that can be evaluated.
        evaluable = []
        for s in lhs:
            try:
                evaluable.append(resolve(s, scope))
            except NotEvaluable:
                pass
        if not evaluable:
            return Verdict("failed", tex, "the side before `\\in` is notation")
        sides = [evaluable[-1]]
    except CheckError as exc:
        if len(lhs) == 1 and isinstance(lhs[0], Sym):
            return Verdict("notation", tex, "names a symbol's space")
        return Verdict("failed", tex, str(exc))
    dims = claim.parts[0].split("x") if claim.parts else ["1"]
    if len(dims) == 1:
        dims.append("1")
    shapes = Shapes(scope)
    try:
        shape = shapes.of(sides[-1])
        why = f"claimed to be {' x '.join(dims)} but it is {shapes.fmt(shape)} in the site's layout"
        shapes.unify(shape[0], shapes.letter(dims[0]), why)
        shapes.unify(shape[1], shapes.letter(dims[1]), why)
    except CheckError as exc:
        return Verdict("failed", tex, f"shape claim: {exc}")
    if len(lhs) == 1:
        if isinstance(sides[0], Sym):
            return Verdict("notation", tex, "names a symbol's space, consistent with its declaration")
        return Verdict("verified", tex, "shape claim checked against the site's layout")
    return _verify_chain(list(lhs), tex, scope, seed, draws)


def _literal_zero(node) -> bool:
    return isinstance(node, Num) and node.value == 0


def _define(formula: Formula, tex: str, scope: Scope, seed: int) -> Verdict:
    """`s := expr` binds s for later formulas; other `:=` lines are notation (never evaluated)."""
    lhs, args = formula.sides[0], None
    if isinstance(lhs, Mul) and len(lhs.factors) == 2 and isinstance(lhs.factors[0], Sym):
        if isinstance(lhs.factors[1], Sym):
            args = (key_of(lhs.factors[1]),)
        lhs = lhs.factors[0]  # `L(w) := ...` binds L, and L(w) later means L
    if formula.rels[0] != ":=" or not isinstance(lhs, Sym):
        return Verdict("definition", tex, "defines notation")
    key = lhs.name if lhs.sub is None else f"{lhs.name}_{lhs.sub}"
    if key in scope.decls:
        return Verdict("failed", tex, f"`{key}` is both declared in a where box and defined here: "
                       "remove it from the where box")
    try:
        value = resolve(formula.sides[1], scope)
    except CheckError as exc:
        return Verdict("failed", tex, f"the definition of `{key}` cannot be evaluated: {exc}")
    trial = scope.copy()
    trial.defs[key] = value
    # Evaluate once, so a definition with a shape error fails where it is written, not where it is used.
    probe = verify_sides([Sym(key)], tex, trial, seed, draws=1)
    if not probe.ok:
        return Verdict("failed", tex, f"the definition of `{key}`: {probe.message}")
    scope.defs[key] = value
    scope.def_tex[key] = tex
    if args:
        scope.def_args[key] = args
    else:
        scope.def_args.pop(key, None)
    return Verdict("definition", tex)


def _quote(text: str) -> str:
    """Double quotes as the README writes commands, unless the shell would change the text."""
    if any(ch in text for ch in '"$`!') or "\\\\" in text or text.endswith("\\"):
        return shlex.quote(text)
    return f'"{text}"'


def _dependencies(tex: str, scope: Scope) -> tuple[list, list]:
    """The declarations (as where-box text) and definitions (as TeX) a formula uses."""
    try:
        formula = parse(tex)
    except FormulaSyntaxError:
        return [], []
    nodes = []
    for side in formula.sides:
        try:
            nodes.append(resolve(side, scope))
        except CheckError:
            pass
    decl_keys, def_keys = used_symbols(nodes, scope)
    return ([format_decl(scope.decls[k]) for k in decl_keys],
            [scope.def_tex.get(k, k) for k in def_keys])


def content_seed(page: str, tex: str, scope: Scope, base_seed: int = 0) -> int:
    """A formula's seed: from its page, its TeX and what it uses, never from its position, so
    editing the page around a formula does not change its draws."""
    import zlib
    decls, defs = _dependencies(tex, scope)
    text = "\n".join([page, normalize(tex), *decls, *defs])
    return (zlib.crc32(text.encode()) + base_seed * 7919) % (2**31)


def reproduce_command(tex: str, scope: Scope, seed: int, draws: int = DRAWS) -> str:
    """The one command that re-runs exactly this check: the formula, the declarations and
    definitions it uses (nothing else on the page changes its draws), and its seed."""
    decls, defs = _dependencies(tex, scope)
    where = "; ".join(decls)
    parts = ["python -m matcheck check", _quote(tex), "--where", _quote(where)]
    for definition in defs:
        parts += ["--define", _quote(definition)]
    parts += ["--seed", str(seed)]
    if draws != DRAWS:
        parts += ["--draws", str(draws)]
    return " ".join(parts)
