"""The snippet includes of a page (pymdownx.snippets `--8<--` lines), resolved and checked.

An include must name a file that exists under one of the base paths (snippets/), and the file it
resolves to, symlinks followed, must lie inside that base path: a `../` path or a symlink to a
file elsewhere would publish whatever it points to.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# pymdownx.snippets: `--8<-- "name"` on one line (a leading `;` escapes it), or a block of names
# between two `--8<--` lines.
_SINGLE = re.compile(r"""^(?P<indent>[ \t]*)(?P<escape>;*)--8<--[ \t]+(?P<q>["'])(?P<name>.*?)(?P=q)[ \t]*$""")
_BLOCK = re.compile(r"^[ \t]*--8<--[ \t]*$")


@dataclass(frozen=True)
class Include:
    page: str      # as shown in messages, e.g. docs/chain-rule.md
    line: int
    name: str      # as written on the page


def find_includes(text: str, page: str) -> list[Include]:
    out, block = [], False
    for number, line in enumerate(text.split("\n"), 1):
        if _BLOCK.match(line):
            block = not block
            continue
        if block:
            name = line.strip()
            if name and not name.startswith(";"):
                out.append(Include(page, number, name))
            continue
        m = _SINGLE.match(line)
        if m and not m.group("escape"):
            out.append(Include(page, number, m.group("name")))
    return out


def _candidates(name: str) -> list[str]:
    # `file.py:3:8` (lines) and `file.py:section` select part of a file.
    names = [name]
    parts = name.split(":")
    while len(parts) > 1:
        parts = parts[:-1]
        names.append(":".join(parts))
    return names


def _inside(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
        return True
    except ValueError:
        return False


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def check_include(inc: Include, bases: list[Path], root: Path) -> tuple[Path | None, str | None]:
    """(the file the include reads, None) or (None, the problem, with what to do)."""
    if re.match(r"^[a-z]+://", inc.name):
        return None, (f"{inc.page}:{inc.line}: include \"{inc.name}\" is a URL: the build fetches "
                      "nothing from another host; copy the file under snippets/")
    for name in _candidates(inc.name):
        for base in bases:
            target = base / name
            if not os.path.lexists(target):
                continue
            real, real_base = Path(os.path.realpath(target)), Path(os.path.realpath(base))
            if not _inside(real, real_base):
                how = "is a symlink" if _inside(Path(os.path.abspath(target)), Path(os.path.abspath(base))) \
                    else "points"
                return None, (f"{inc.page}:{inc.line}: include \"{inc.name}\" {how} outside "
                              f"{_shown(base, root)}/ (it resolves to {real}): only files under "
                              f"{_shown(base, root)}/ may be included; put the file there")
            if not real.is_file():
                return None, (f"{inc.page}:{inc.line}: include \"{inc.name}\" is not a file "
                              f"({_shown(real, root)})")
            return real, None
    looked = ", ".join(f"{_shown(b, root)}/ ({b})" for b in bases)
    return None, (f"{inc.page}:{inc.line}: snippet \"{inc.name}\" not found; looked in {looked}: check "
                  "the name (relative to the base path), or add the file")


def snippet_files(base: Path, root: Path) -> tuple[list[Path], list[str]]:
    """Every .py under `base` and the problems: a file whose real path lies outside `base`."""
    files, problems = [], []
    real_base = Path(os.path.realpath(base))
    for path in sorted(base.rglob("*.py")):
        real = Path(os.path.realpath(path))
        if not _inside(real, real_base):
            problems.append(f"{_shown(path, root)}: a symlink to {real}, outside {_shown(base, root)}/: "
                            "copy the snippet in instead (a symlink would publish and run a file from "
                            "elsewhere)")
            continue
        files.append(path)
    return files, problems
