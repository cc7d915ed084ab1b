"""MkDocs hook: the "Verify it yourself" snippets run on every build (adapter over buildrun).

- on_files: every `--8<--` include of every page must resolve to a file inside the snippets base
  path (symlinks followed); a missing or outside include fails the build with the page, line and
  reason.
- on_nav (after every on_files check passed): every snippet under snippets/ starts running in
  the background while the pages are built (in parallel, 30 s each, no network), passes cached
  by content hash in .cache/snippets/.
- on_post_build: waits for them; a raising, hanging or networking snippet fails the build naming
  the snippet and line.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from buildrun import SNIPPET_TIMEOUT
from buildrun.cache import cache_root
from buildrun.includes import check_include, find_includes, snippet_files
from buildrun.snippets import run_snippets

ROOT = Path(__file__).resolve().parent.parent

_state: dict = {}


def _bases(config) -> list[Path]:
    options = config.mdx_configs.get("pymdownx.snippets", {}) or {}
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else list(bases)
    return [(ROOT / b).resolve() for b in bases]


@event_priority(90)  # early: before the formula check, so a bad include is reported first
def on_files(files, config):
    bases = _bases(config)
    problems = []
    for f in files.documentation_pages():
        if not f.src_uri.endswith(".md"):
            continue
        text = Path(f.abs_src_path).read_text(encoding="utf-8-sig")
        shown = Path(f.abs_src_path).resolve().relative_to(ROOT).as_posix()
        for inc in find_includes(text, shown):
            _, problem = check_include(inc, bases, ROOT)
            if problem:
                problems.append(problem)
    snippets = []
    for base in bases:
        found, bad = snippet_files(base, ROOT)
        snippets += found
        problems += bad
    if problems:
        raise PluginError(f"{len(problems)} snippet include problem(s):\n" + "\n".join(problems))
    _state["snippets"] = snippets
    return files


def on_nav(nav, config, files):
    # Started here, after every on_files check (front matter, prose, formulas) has passed: a build
    # that fails there does not wait for snippets to finish before it exits.
    pool = ThreadPoolExecutor(max_workers=1)
    _state["runs"] = pool.submit(run_snippets, _state.pop("snippets", []), ROOT,
                                 cache_root(ROOT) / "snippets", SNIPPET_TIMEOUT)
    pool.shutdown(wait=False)
    return nav


@event_priority(100)  # before the other post-build steps write anything more
def on_post_build(config):
    runs: Future | None = _state.pop("runs", None)
    if runs is None:
        return
    failed = [r for r in runs.result() if not r.ok]
    if failed:
        raise PluginError(f"{len(failed)} snippet(s) failed (each runs with `python -I`, "
                          f"{SNIPPET_TIMEOUT:g} s, no network):\n"
                          + "\n".join(r.report.rstrip() for r in failed))


def on_build_error(error):
    runs: Future | None = _state.pop("runs", None)
    if runs is not None:
        runs.cancel()
