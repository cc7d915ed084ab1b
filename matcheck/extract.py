"""The math of a Markdown page, with line numbers, as pymdownx.arithmatex sees it.

Display math is a `$$ ... $$` block (the delimiters on their own lines, or both on one line);
inline math is `$...$` with no space just inside the dollars. Fenced code, inline code and
escaped dollars are skipped. The build compares this list with what arithmatex actually
rendered, so the two can never drift apart unnoticed.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Math:
    tex: str
    line: int          # 1-based line in the text given
    display: bool


def normalize(tex: str) -> str:
    return " ".join(tex.split())


def _fence(stripped: str):
    for mark in ("```", "~~~"):
        if stripped.startswith(mark):
            return mark
    return None


def extract(text: str) -> list[Math]:
    out: list[Math] = []
    lines = text.split("\n")
    fence = None
    k = 0
    while k < len(lines):
        line = lines[k]
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            k += 1
            continue
        mark = _fence(stripped)
        if mark:
            fence = mark
            k += 1
            continue
        if stripped.startswith("$$"):
            rest = stripped[2:]
            if rest.endswith("$$") and rest.strip() != "":
                out.append(Math(normalize(rest[:-2]), k + 1, True))
                k += 1
                continue
            body, start = [rest] if rest else [], k
            k += 1
            while k < len(lines) and not lines[k].strip().endswith("$$"):
                body.append(lines[k])
                k += 1
            if k < len(lines):
                body.append(lines[k].strip()[:-2])
            # Report the line where the formula's text starts (after a bare `$$` line).
            out.append(Math(normalize("\n".join(body)), start + 1 if rest else start + 2, True))
            k += 1
            continue
        out.extend(Math(tex, k + 1, False) for tex in _inline(line))
        k += 1
    return out


def _inline(line: str) -> list[str]:
    found, i, n = [], 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\" and i + 1 < n:
            i += 2
            continue
        if ch == "`":
            run = len(line[i:]) - len(line[i:].lstrip("`"))
            close = line.find("`" * run, i + run)
            i = n if close < 0 else close + run
            continue
        if ch == "$" and i + 1 < n and line[i + 1] not in " $":
            j = i + 1
            while j < n:
                if line[j] == "\\":
                    j += 2
                    continue
                if line[j] == "$":
                    break
                j += 1
            if j < n and line[j - 1] != " ":
                found.append(normalize(line[i + 1:j]))
                i = j + 1
                continue
        i += 1
    return found
