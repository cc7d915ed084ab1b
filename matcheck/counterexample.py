"""A wrong formula's counterexample in plain words, with small numbers.

The checker refutes a formula on random draws of every size and value; its message is evidence for
a contributor. A reader wants the same fact said simply: which entries of the two sides differ, and
by how much, for the smallest sizes and small whole-number inputs. This module re-evaluates the
refuted formula that way (it only reads the checker's scope and evaluator, never changes them) and
words the result; where that is not possible (the sides do not even have the same shape, or the
formula is not evaluable) it rewords the checker's own message, without TeX.
"""
from __future__ import annotations

import re

import numpy as np

TRIES = 30            # seeds tried for small whole numbers before falling back to the checker's words
TOLERANCE = 1e-6      # a difference worth showing a reader (the checker itself is far stricter)
MAX_ENTRIES = 3       # differing entries named, at most


class _SmallNumbers:
    """A random generator, as the checker's sampling uses it, that draws small whole numbers
    (normal draws rounded into -3..3, positive ones 1 or 2) and the smallest sizes."""

    def __init__(self, seed: int):
        self._rng = np.random.default_rng(seed)

    def normal(self, loc=0.0, scale=1.0, size=None):
        return np.clip(np.round(self._rng.normal(size=size) * 1.5), -3, 3)

    def standard_normal(self, size=None):
        return self.normal(size=size)

    def uniform(self, low=0.0, high=1.0, size=None):
        return np.round(self._rng.uniform(low, high, size=size))

    def choice(self, a, size=None, replace=True, **kw):
        if not replace and size is not None and all(isinstance(x, (int, np.integer)) for x in a):
            return self._rng.permutation(sorted(a)[:size])  # sizes: the smallest distinct ones
        return self._rng.choice(a, size=size, replace=replace, **kw)

    def integers(self, *args, **kw):
        return self._rng.integers(*args, **kw)


def _small_value(rng, decl, shape):
    """What the checker would draw, but a plain matrix gets small whole entries (the checker draws
    it with singular values in [1, 2], which are not whole numbers)."""
    from .sample import sample_value
    if decl.kind in ("matrix", "any_matrix") and not decl.props and min(shape) > 1:
        return rng.normal(size=shape)
    return sample_value(rng, decl, shape)


def number(v: float, decimals: int = 2) -> str:
    """A value as a reader writes it: few decimals, a real minus sign."""
    v = float(v)
    if abs(v) >= 100:
        text = f"{v:.0f}"
    else:
        text = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", "\u2212")


def _entry(shape, flat_index: int) -> str:
    rows, cols = shape
    r, c = divmod(flat_index, cols)
    if cols == 1:
        return f"entry {r + 1}"
    if rows == 1:
        return f"entry {c + 1}"
    return f"entry ({r + 1}, {c + 1})"


def _side_names(count: int, k: int) -> tuple[str, str]:
    if count == 2:
        return "the left side", "the right side"  # "on the left", "on the right"
    return f"side {k + 1}", f"side {k + 2}"


def describe_difference(a: np.ndarray, b: np.ndarray, names: tuple[str, str], dims: str) -> str:
    """Which entries of two same-shaped values differ, and by how much, in words."""
    first, second = names
    diff = np.abs(a - b).reshape(-1)
    scale = max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-3)
    wrong = sorted(int(i) for i in np.flatnonzero(diff > TOLERANCE * scale))
    # Name the entries that carry the error (within a tenth of the largest difference).
    shown = [i for i in wrong if diff[i] >= 0.1 * diff.max()][:MAX_ENTRIES]
    # Enough decimals that every pair shown differs as printed.
    decimals = 2
    while decimals < 6 and any(number(a.flat[i], decimals) == number(b.flat[i], decimals)
                               for i in shown):
        decimals += 1

    def num(v):
        return number(v, decimals)
    setting = f"With {dims} and small whole numbers as inputs, " if dims else "With small whole numbers as inputs, "
    if a.size == 1:
        return (f"{setting}{first} is {num(a.flat[0])} but {second} is {num(b.flat[0])} "
                f"(off by {num(abs(a.flat[0] - b.flat[0]))}).")
    on_first, on_second = ({"the left side": "on the left", "the right side": "on the right"}.get(n, f"in {n}")
                           for n in names)
    parts = [f"{_entry(a.shape, i)} is {num(a.flat[i])} {on_first} but {num(b.flat[i])} {on_second}"
             for i in shown]
    shape = "a vector of length " + str(a.shape[0]) if a.shape[1] == 1 else f"a {a.shape[0]} × {a.shape[1]} matrix"
    count = f"all {a.size}" if len(wrong) == a.size else f"{len(wrong)} of its {a.size}"
    more = f"; {count} entries differ, by up to {num(diff.max())}" if len(wrong) > len(shown) else ""
    return f"{setting}both sides are {shape}, but " + "; ".join(parts) + more + "."


def _small_counterexample(tex: str, scope, seed: int) -> str | None:
    """Evaluate the formula with small sizes and whole-number inputs; None if it cannot be done
    (or no such draw refutes it)."""
    try:
        from .check import rel_err
        from .evaluate import Env, Shapes, free_indices, resolve
        from .parse import parse

        formula = parse(tex)
        if not formula.rels or any(r != "=" for r in formula.rels):
            return None
        sides = [resolve(s, scope) for s in formula.sides]
        if free_indices(sides):
            return None
    except Exception:
        return None
    best = None   # (relative error, description): the first draw off by 10% or more, else the most off
    for attempt in range(TRIES):
        rng = _SmallNumbers(seed * 101 + attempt)
        try:
            shapes = Shapes(scope)
            side_shapes = [shapes.of(s) for s in sides]
            for k in range(len(sides) - 1):
                for axis in (0, 1):
                    shapes.unify(side_shapes[k][axis], side_shapes[k + 1][axis], "counterexample")
            sizes = shapes.sizes(rng)
            env = Env(scope, shapes, sizes, rng, sampler=_small_value)
            with np.errstate(all="raise"):
                values = [env.eval(s) for s in sides]
        except Exception:
            break
        dims = ", ".join(f"*{d.label()}* = {sizes[id(d.find())]}" for d in shapes.letters.values()
                         if d.find().name and not d.find().name.isdigit() and id(d.find()) in sizes)
        for k in range(len(values) - 1):
            a, b = values[k], values[k + 1]
            if a.shape == b.shape and np.all(np.isfinite(a)) and np.all(np.isfinite(b)):
                err = rel_err(a, b)
                if err > 1e-3 and (best is None or err > best[0]):
                    best = (err, describe_difference(a, b, _side_names(len(values), k), dims))
        if best and best[0] >= 0.1:
            break
    return best[1] if best else None


_SHAPES = re.compile(r"side (\d+) is (.+?) but side (\d+) is (.+?): dimension (\S+) would have to equal (\S+)")


def reword(message: str, sides: int = 2) -> str:
    """The checker's message, for a reader: no TeX, no tolerance, `×` for `x`."""
    claim = message.startswith("shape claim")
    text = re.sub(r"^(shape or evaluation error|shape claim): ", "", message.strip())
    text = re.sub(r"\b(\w+) x (\w+)\b", r"\1 × \2", text)
    text = re.sub(r"^claimed to be", "it claims to be", text)
    m = _SHAPES.search(text)
    if m:
        first, second = _side_names(2, 0) if sides == 2 else (f"side {m.group(1)}", f"side {m.group(3)}")
        return (f"The two sides do not even have the same shape: {first} is {m.group(2)} but "
                f"{second} is {m.group(4)}, which differ unless {m.group(5)} = {m.group(6)}.")
    if message.startswith("does not parse"):
        commands = re.findall(r"`\\([A-Za-z]+)`", message)
        what = f" (it uses “{commands[0]}”, outside the site's notation)" if commands else ""
        return f"It is not a single relation that can be evaluated{what}, so it cannot hold as written."
    if "disagree" in text:
        m = re.search(r"max relative error (\S+).*?(?:with (.*?))?;", text)
        return ("The two sides differ on random inputs" + (f" (with {m.group(2)})" if m and m.group(2) else "")
                + (f", by up to {float(m.group(1)):.0%} of their size." if m else "."))
    text = re.sub(r": dimension (\S+) would have to equal (\S+)$",
                  lambda d: f" (that would need {d.group(2)} = {d.group(1)})" if d.group(1).isdigit()
                  else f" (that would need {d.group(1)} = {d.group(2)})", text)
    text = re.sub(r"^a product of (.+?) by (.+?)( \(|$)", r"\1 times a matrix of size \2\3", text)
    text = re.sub(r": use it only in .*$", "", text)   # advice for contributors, not readers
    text = re.sub(r"`([^`]*)`", r"\1", text).replace("\\", "")
    lead = "Its shape is wrong in the site's layout: " if claim else "As written it is not defined: "
    return lead + text[:1].lower() + text[1:].rstrip(".") + "."


def explain(tex: str, scope, message: str, seed: int = 0) -> str:
    """The counterexample to a refuted formula in plain words (Markdown text, no TeX, no `$`)."""
    if not message:
        return ""
    plain = None
    if "disagree" in message:
        plain = _small_counterexample(tex, scope, seed)
    if plain is None:
        sides = message.count("side ")
        plain = reword(message, 2 if sides <= 2 else 3)
    return plain.replace("$", "")
