"""`mkdocs serve` on a copy of the site: an edit shows, a broken page never hangs the server.

One server for the module (its first build takes as long as a build; the rebuilds after edits are
dirty builds, see hooks/authoring.py). Speed is measured in bench/serve_reload.py, not here.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["docs", "hooks", "matcheck", "sitemeta", "buildrun", "notebooks", "snippets", "source",
          "overrides", "mkdocs.yml"]


def _fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _save(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp-save")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Server:
    def __init__(self, work: Path, proc: subprocess.Popen, log: Path, base: str):
        self.work, self.proc, self.log, self.base = work, proc, log, base

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, predicate, what: str, timeout: float = 90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.1)
        pytest.fail(f"{what} within {timeout} s; server output:\n{self.output()[-4000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory, strict_build, build_cache):
    work = tmp_path_factory.mktemp("serve")
    for name in COPIED:
        src = ROOT / name
        (shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__"))
         if src.is_dir() else shutil.copy2(src, work / name))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = work / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MATCALC_CACHE_DIR=str(build_cache))
    env.pop("PYTHONPATH", None)
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    srv = Server(work, proc, log, "")
    try:
        served = srv.wait_for(lambda: re.search(r"Serving on (http://\S+)", srv.output()), "serve started",
                              timeout=300)
        srv.base = served.group(1).rstrip("/") + "/"
        yield srv
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _index_pages(srv) -> set[str]:
    status, text = _fetch(srv.base + "search/search_index.json")
    assert status == 200
    return {d["location"].split("#")[0] for d in json.loads(text)["docs"]}


def test_an_edit_shows_and_a_broken_page_never_hangs_the_server(server):
    page = server.work / "docs" / "chain-rule.md"
    original = page.read_text(encoding="utf-8")
    pages_before = _index_pages(server)
    assert len(pages_before) > 30

    # 1. An edit shows (a dirty rebuild), and the search index still holds every page.
    _save(page, original + "\n\nA sentence added while serving.\n")
    server.wait_for(lambda: "A sentence added while serving." in _fetch(server.base + "chain-rule/")[1],
                    "the edit was not served")
    assert _index_pages(server) == pages_before
    assert "A sentence added while serving." in _fetch(server.base + "search/search_index.json")[1]

    # 2. A wrong formula: the rebuild fails, says why (file:line), and the server keeps answering.
    broken = original + "\n\n$$\n\\frac{\\partial (a^T x)}{\\partial x} = 2 a\n$$\n"
    for attempt in range(2):  # every failed rebuild prints its reason, not only the first
        marker = "Rebuild failed"
        count = server.output().count(marker)
        _save(page, broken + "\n" * (attempt + 1))
        server.wait_for(lambda: server.output().count(marker) > count, f"failure {attempt + 1} was not reported")
        start = time.monotonic()
        status, html = _fetch(server.base + "chain-rule/", timeout=10)
        assert status == 200 and time.monotonic() - start < 5, "the server stopped answering"
        assert "A sentence added while serving." in html  # the last good site
    tail = server.output()[server.output().rfind("Rebuild failed"):]
    assert re.search(r"docs/chain-rule\.md:\d+: formula", tail), tail[:2000]

    # 3. Fixed again: served again.
    _save(page, original + "\n\nFixed while serving.\n")
    server.wait_for(lambda: "Fixed while serving." in _fetch(server.base + "chain-rule/")[1],
                    "the fix was not served")


def test_a_snippet_edit_rebuilds_the_page_that_includes_it(server):
    snippet = server.work / "snippets" / "chain-rule" / "grad_composition.py"
    text = snippet.read_text(encoding="utf-8")
    _save(snippet, text + "\n# a comment added while serving\n")
    server.wait_for(lambda: "a comment added while serving" in _fetch(server.base + "chain-rule/")[1],
                    "the snippet edit was not served")


def test_an_edit_to_the_checker_gets_a_full_rebuild_with_the_new_code(server):
    # matcheck/ is watched; the edited package is re-imported (buildrun/reload.py) and the hooks
    # with it: the rebuild reports a problem in the edited code's own words.
    module = server.work / "matcheck" / "prose.py"
    text = module.read_text(encoding="utf-8")
    assert "math in a heading (`" in text
    _save(module, text.replace("math in a heading (`", "math in a heading, as the edited checker says (`"))
    page = server.work / "docs" / "chain-rule.md"
    _save(page, page.read_text(encoding="utf-8") + "\n\n## Heading with $x$ inside\n")
    server.wait_for(lambda: re.search(r"docs/chain-rule\.md:\d+: math in a heading, as the edited checker says",
                                      server.output()), "the edited checker did not run")
    assert "Traceback" not in server.output()
