"""Run the "Verify it yourself" snippets as a reader would, bounded and offline, cached by content.

Each snippet runs in a fresh interpreter in isolated mode (`python -I`: no PYTHONPATH, no user
site, not even its own directory on sys.path), from an empty working directory, under the
network guard of buildrun/offline.py, and is killed after `timeout` seconds. It passes when it
exits 0 and every line it prints is a passing check (`... ok ...`, none with FAIL).

A pass is remembered under `cache_dir` by the hash of everything that decides the outcome (the
snippet's bytes, the launcher, the interpreter and the numpy/sympy versions) with the time it
took, so an unchanged snippet costs nothing on the next build (unless the timeout has become
shorter than that time); a failure is never cached.
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import SNIPPET_TIMEOUT, offline

LAUNCHER = Path(offline.__file__).resolve()
_ERROR_LINE = re.compile(r"^MATCALC-ERROR (?P<where>.*?): (?P<what>.*)$", re.M)
_STUCK_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+)')


@dataclass(frozen=True)
class SnippetRun:
    path: str          # as shown in messages (relative to the repository when it is inside it)
    ok: bool
    report: str        # one line on success; the reason, then the snippet's output, on failure
    cached: bool = False

    @property
    def headline(self) -> str:
        return self.report.splitlines()[0] if self.report else self.path


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def _versions() -> str:
    parts = [sys.version, LAUNCHER.read_text(encoding="utf-8")]
    for dist in ("numpy", "sympy"):
        try:
            parts.append(f"{dist}=={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist} absent")
    return "\n".join(parts)


def cache_key(source: bytes, versions: str | None = None) -> str:
    h = hashlib.sha256()
    h.update(source)
    h.update(b"\0")
    h.update((versions if versions is not None else _versions()).encode())
    return h.hexdigest()


def _tail(output: str, lines: int = 12) -> str:
    """The end of a snippet's output, indented under the headline (a traceback ends there)."""
    kept = [line for line in output.rstrip().split("\n") if line.strip()][-lines:]
    return "\n".join("    " + line for line in kept)


def run_snippet(path: Path, timeout: float = SNIPPET_TIMEOUT, root: Path | None = None) -> SnippetRun:
    """Run one snippet (no cache); the report names the file and, on an error, its line."""
    path = Path(path).resolve()
    name = _shown(path, root)
    with tempfile.TemporaryDirectory(prefix="snippet-") as cwd:
        try:
            # The launcher stops a stuck snippet itself (printing where it was) just before
            # `timeout`; the hard kill a few seconds later is the last resort.
            proc = subprocess.run([sys.executable, "-I", str(LAUNCHER), str(path), str(timeout)],
                                  cwd=cwd, capture_output=True, text=True, timeout=timeout + 5,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            return SnippetRun(name, False, f"{name}: still running after {timeout:g} s (killed)\n{out}")
    output = proc.stdout + proc.stderr
    if "Timeout (" in proc.stderr and "Thread" in proc.stderr:  # faulthandler's dump: it hung
        frames = [m for m in _STUCK_FRAME.finditer(proc.stderr) if Path(m["file"]) == path]
        line = int(frames[0]["line"]) if frames else None
        where = f"{name}:{line}" if line else name
        source = path.read_text(encoding="utf-8", errors="replace").split("\n")
        at = f" at `{source[line - 1].strip()}`" if line and line <= len(source) else ""
        return SnippetRun(name, False, f"{where}: still running after {timeout:g} s (killed){at}: make "
                                       f"it finish well within {timeout:g} s\n{_tail(proc.stdout)}")
    if proc.returncode != 0:
        error = _ERROR_LINE.search(proc.stderr)
        if error:
            where = error["where"].replace(str(path), name)
            return SnippetRun(name, False, f"{where}: {error['what']} (exit code {proc.returncode})\n"
                                           f"{_tail(_ERROR_LINE.sub('', output))}")
        return SnippetRun(name, False, f"{name}: exit code {proc.returncode}\n{output}")
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if any("FAIL" in line for line in lines):
        return SnippetRun(name, False, f"{name}: exit code 0 but a check printed FAIL\n{output}")
    if not lines or not all(" ok" in line for line in lines):
        return SnippetRun(name, False, f"{name}: every printed line must be a passing check "
                                       f"('... ok ...')\n{output}")
    return SnippetRun(name, True, f"{name}: {len(lines)} checks ok")


def _read_entry(marker: Path) -> tuple[float, str] | None:
    try:
        seconds, report = marker.read_text(encoding="utf-8").split("\n", 1)
        return float(seconds), report
    except (OSError, ValueError):
        return None


def run_snippets(paths, root: Path | None = None, cache_dir: Path | None = None,
                 timeout: float = SNIPPET_TIMEOUT, workers: int | None = None) -> list[SnippetRun]:
    """Run many snippets in parallel (unchanged passing ones come from the cache), in input order."""
    paths = [Path(p) for p in paths]
    versions = _versions()
    keys = [cache_key(p.read_bytes(), versions) for p in paths]
    results: list[SnippetRun | None] = [None] * len(paths)
    todo = []
    for i, (path, key) in enumerate(zip(paths, keys)):
        entry = _read_entry(cache_dir / f"{key}.ok") if cache_dir else None
        if entry is not None and entry[0] < timeout:
            results[i] = SnippetRun(_shown(path, root), True, entry[1], cached=True)
        else:
            todo.append(i)
    if todo:
        workers = workers or max(2, os.cpu_count() or 2)

        def timed(k):
            start = time.monotonic()
            return run_snippet(paths[k], timeout, root), time.monotonic() - start

        with ThreadPoolExecutor(max_workers=workers) as pool:
            for i, (run, seconds) in zip(todo, pool.map(timed, todo)):
                results[i] = run
                if run.ok and cache_dir is not None:
                    cache_dir.mkdir(parents=True, exist_ok=True)
                    tmp = cache_dir / f"{keys[i]}.tmp{os.getpid()}"
                    tmp.write_text(f"{seconds:.3f}\n{run.report}", encoding="utf-8")
                    os.replace(tmp, cache_dir / f"{keys[i]}.ok")
    return results  # type: ignore[return-value]
