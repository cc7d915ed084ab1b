"""Fresh code for a long-running `mkdocs serve`. MkDocs imports the hooks once per process
(mkdocs 1.6 caches them), and the packages they import (matcheck, sitemeta, buildrun) stay in
sys.modules, so an edit to the checker would not take effect until the server restarts.
`drop_stale_modules` forgets every module of a package whose source files changed since the last
call (the package's in-memory caches go with it); hooks/authoring.py then has MkDocs import the
hooks afresh, and they import the new code."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

_seen: dict[str, str] = {}


def _source_digest(package_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        if path.suffix in (".py", ".lark") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package_dir).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def drop_stale_modules(root: Path, packages: tuple[str, ...], keep: tuple[str, ...] = ()) -> list[str]:
    """Forget the modules of each package in `packages` (directories under `root`) whose sources
    changed since the previous call, except the modules in `keep`; return the packages dropped."""
    dropped = []
    for name in packages:
        digest = _source_digest(Path(root) / name)
        if _seen.get(name, digest) != digest:
            for module in [m for m in sys.modules if (m == name or m.startswith(name + ".")) and m not in keep]:
                del sys.modules[module]
            dropped.append(name)
        _seen[name] = digest
    return dropped
