"""A small on-disk cache of JSON values keyed by content hashes (under the repository's
gitignored `.cache/`). Writes are atomic (a temporary file renamed into place), so an
interrupted build never leaves a half-written entry; an unreadable entry counts as a miss."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def cache_root(repo_root: Path) -> Path:
    """Where the build keeps its caches: `.cache/` of the repository (gitignored), or the
    directory in MATCALC_CACHE_DIR (the tests use a fresh one, as a fresh clone would)."""
    return Path(os.environ.get("MATCALC_CACHE_DIR") or Path(repo_root) / ".cache")


def content_key(*parts: bytes | str) -> str:
    """A sha256 over the parts, each length-prefixed (so ("ab", "c") and ("a", "bc") differ)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class JsonCache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str) -> Any | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f"{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(value), encoding="utf-8")
        os.replace(tmp, self._path(key))
