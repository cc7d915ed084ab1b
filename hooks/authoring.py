"""MkDocs hook: the authors' loop. A failed build loses nothing, and `mkdocs serve` never hangs.

- A failed build leaves the site directory as it was before the build (the last good site), not
  emptied or half written: on_pre_build moves the previous site aside (a rename, no copy),
  on_post_build deletes it, on_build_error puts it back. A strict-mode warning failure is
  reported after on_post_build, so it keeps the complete new site, as MkDocs always did.
- mkdocs serve: MkDocs marks a failed rebuild as "not yet built", so every request waits until
  a rebuild succeeds, and it prints a repeated error only once ("Aborted with a BuildError!"
  after that). on_serve wraps the rebuild: a failure prints its reason every time, with the time,
  and the server goes on answering with the last good site.
- mkdocs serve, fast: a rebuild after an edit to pages, snippets or notebooks only is MkDocs'
  dirty build (only changed pages rendered), made sound by buildrun.incremental: on_files forces
  the pages whose included snippets changed, and the Verification and Errata pages whenever
  anything changed; on_post_build merges the search index with the last complete one. An edit
  to anything else (mkdocs.yml, hooks, theme, checker, source, added or removed pages) gets a
  full rebuild. Verdicts, MathML, notebooks and snippets come from their caches either way.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from buildrun import incremental
from buildrun.includes import check_include, find_includes
from buildrun.reload import drop_stale_modules

ROOT = Path(__file__).resolve().parent.parent


# Kept across rebuilds: the serve loop below holds them (see buildrun.reload).
_PACKAGES, _KEEP = ("matcheck", "sitemeta", "buildrun"), ("buildrun", "buildrun.incremental", "buildrun.reload")

log = logging.getLogger("mkdocs.hooks.authoring")
_SUFFIX = ".previous-build"


def _backup(site_dir: str) -> str:
    return os.path.normpath(site_dir) + _SUFFIX


@event_priority(100)
def on_pre_build(config):
    if incremental.STATE.get("dirty"):  # a dirty rebuild works on the previous site in place
        return
    site, backup = config.site_dir, _backup(config.site_dir)
    if os.path.isdir(backup):  # left by a build that was killed: the last good site
        if os.path.isdir(site):
            shutil.rmtree(site)
        os.replace(backup, site)
    if os.path.isdir(site) and os.listdir(site):
        try:
            os.replace(site, backup)
        except OSError as exc:  # e.g. a mount point: MkDocs cleans it in place, as before
            log.debug("cannot keep the previous site aside: %s", exc)


def _drop_backup(config) -> None:
    backup = _backup(config.site_dir)
    if os.path.isdir(backup):
        shutil.rmtree(backup, ignore_errors=True)


def on_build_error(error):
    # MkDocs gives this event no config: the site directory comes from the build's own on_pre_build.
    site = _state.get("site_dir")
    if site is None:
        return
    backup = _backup(site)
    if os.path.isdir(backup):
        if os.path.isdir(site):
            shutil.rmtree(site, ignore_errors=True)
        os.replace(backup, site)


_state: dict = {}


@event_priority(200)
def on_config(config):
    _state["site_dir"] = config.site_dir
    _build["rebuilt"], _build["deps"] = set(), {}  # MkDocs may reuse this module between builds
    return config


def failure_reason(exc: BaseException) -> str:
    """The message that explains a failed build: MkDocs re-raises a BuildError as a bare Abort."""
    reasons = []
    while exc is not None:
        text = str(exc).strip()
        if text and text not in reasons and not text.startswith("Aborted with"):
            reasons.append(text)
        exc = exc.__cause__ or exc.__context__
    return "\n".join(reasons) or "the build failed (see above)"


_DIRTY_NOTICE = "A 'dirty' build is being performed"


class _QuietDirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build; in strict mode that warning alone would fail it."""

    def filter(self, record):
        return not str(record.msg).startswith(_DIRTY_NOTICE)


def _dirty_builder(builder):
    """A rebuild like MkDocs' own serve builder (same configuration loader and URL), but dirty.
    None if this MkDocs' builder does not have the shape of mkdocs 1.6's."""
    try:
        cells = dict(zip(builder.__code__.co_freevars, (c.cell_contents for c in builder.__closure__)))
        get_config, serve_url = cells["get_config"], cells["serve_url"]
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    if cells.get("is_clean") or cells.get("is_dirty"):  # `serve --clean` / `--dirty`: as asked
        return None
    from mkdocs.commands.build import build

    def rebuild():
        config = get_config()
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=True)
    return rebuild


def _fresh_code() -> None:
    """Before a full rebuild: edited checker/sitemeta/buildrun code and edited hooks take effect."""
    drop_stale_modules(ROOT, _PACKAGES, _KEEP)
    try:
        from mkdocs.config.config_options import Hooks
        Hooks._load_hook.cache_clear()  # mkdocs 1.6 imports each hook once per process
    except (ImportError, AttributeError):
        pass


def on_serve(server, config, builder):
    rebuild = server.builder
    dirty_rebuild = _dirty_builder(builder)
    logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyNotice())
    incremental.STATE["global"] = incremental.global_digest(ROOT)
    drop_stale_modules(ROOT, _PACKAGES, _KEEP)  # the baseline: the code the first build ran

    def rebuild_or_report():
        start = time.monotonic()
        current = incremental.global_digest(ROOT)
        dirty = dirty_rebuild is not None and current == incremental.STATE.get("global") \
            and "search_index" in incremental.STATE
        incremental.STATE["dirty"] = dirty
        if not dirty:
            _fresh_code()
        try:
            (dirty_rebuild if dirty else rebuild)()
            incremental.STATE["global"] = current
            log.info("Rebuilt (%s) in %.2f s", "changed pages" if dirty else "full", time.monotonic() - start)
        except Exception as exc:  # noqa: BLE001 - whatever failed, the server must keep answering
            incremental.STATE.pop("search_index", None)  # the next rebuild is a full one
            # The time makes each report unique: MkDocs' log filter drops a repeated message.
            log.error("Rebuild failed at %s; still serving the last good site. Fix this and save:\n%s",
                      time.strftime("%H:%M:%S"), failure_reason(exc))
        finally:
            incremental.STATE["dirty"] = False

    server.builder = rebuild_or_report
    return server


# --- incremental rebuilds (see buildrun.incremental) -----------------------------------------------

_build: dict = {"rebuilt": set(), "deps": {}}
_GENERATED = "<!-- matcheck:"  # the Verification and Errata pages: built from every page


def _page_inputs(f, bases) -> bytes:
    data = Path(f.abs_src_path).read_bytes()
    if not f.src_uri.endswith(".md"):
        return data
    parts = [data]
    for inc in find_includes(data.decode("utf-8", "replace"), f.src_uri):
        path, _ = check_include(inc, bases, ROOT)
        if path is not None:
            parts.append(path.read_bytes())
    return incremental.digest(*parts).encode()


@event_priority(95)  # before the formula check, which would call `$5-$10` merely unparsable
def on_files(files, config):
    pages = [f for f in files.documentation_pages() if f.src_uri.endswith(".md")]
    notebooks = sorted((ROOT / "notebooks").glob("*.py"))
    _check_prose(pages, notebooks)
    options = config.mdx_configs.get("pymdownx.snippets", {}) or {}
    bases = options.get("base_path", ["."])
    bases = [(ROOT / b).resolve() for b in ([bases] if isinstance(bases, str) else bases)]
    previous = incremental.STATE.get("deps", {})
    deps, changed, generated = {}, False, []
    for f in pages:
        deps[f.src_uri] = incremental.digest(_page_inputs(f, bases))
        if _GENERATED in Path(f.abs_src_path).read_text(encoding="utf-8", errors="replace"):
            generated.append(f)
        if incremental.STATE.get("dirty") and previous.get(f.src_uri) != deps[f.src_uri]:
            changed = True
            _force(f)
    for path in notebooks:  # a notebook's own page is rebuilt by its mtime; its verdicts change totals
        deps["notebooks/" + path.name] = incremental.digest(path.read_bytes())
        changed = changed or previous.get("notebooks/" + path.name) != deps["notebooks/" + path.name]
    if incremental.STATE.get("dirty") and changed:
        for f in generated:
            _force(f)
    _build["deps"] = deps
    return files


def _check_prose(pages, notebooks) -> None:
    from matcheck.notebook import notebook_markdown
    from matcheck.prose import prose_problems
    problems = []
    for f in pages:
        shown = Path(f.abs_src_path).resolve().relative_to(ROOT).as_posix() \
            if Path(f.abs_src_path).resolve().is_relative_to(ROOT) else f.src_uri
        problems += prose_problems(Path(f.abs_src_path).read_text(encoding="utf-8-sig"), shown)
    for path in notebooks:
        problems += prose_problems(notebook_markdown(path.read_text(encoding="utf-8")),
                                   "notebooks/" + path.name)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in the prose:\n" + "\n".join(problems))


def _force(f) -> None:
    # A dirty build renders a page whose output is older than its source: make it so.
    if os.path.isfile(f.abs_dest_path):
        os.utime(f.abs_dest_path, (0, 0))


def on_post_page(output, page, config):
    _build["rebuilt"].add(page.url)
    return output


@event_priority(-150)  # after the search plugin and hooks/frontmatter.py have written the index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        if incremental.STATE.get("dirty"):
            index = incremental.merge_search_index(incremental.STATE.get("search_index"), index,
                                                   _build["rebuilt"])
            path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        incremental.STATE["search_index"] = index
    incremental.STATE["deps"] = _build["deps"]
    _drop_backup(config)  # last: the new site is complete
