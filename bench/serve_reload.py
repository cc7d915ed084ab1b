"""Edit-to-reload time of `mkdocs serve`: edit one page, poll until the served HTML changes.

Runs on a copy of the repository (the working tree is never edited): starts `mkdocs serve` there,
waits for the first build, then edits one page N times (a new sentence each time, through a
write-then-rename like an editor's save) and, after each edit, polls the page every 20 ms until
the served HTML carries the new sentence. Prints every time and the median, and with --record
writes them to bench/serve-reload.txt.

    python bench/serve_reload.py [--page docs/chain-rule.md] [--edits 10] [--record]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["docs", "hooks", "matcheck", "sitemeta", "buildrun", "notebooks", "snippets", "source",
          "overrides", "mkdocs.yml", ".cache"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def save(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp-save")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", default="docs/chain-rule.md")
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, work / name)
    port = free_port()
    page = work / args.page
    page_path = Path(args.page).relative_to("docs").with_suffix("").as_posix() + "/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = open(work / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    times = []
    try:
        deadline = time.monotonic() + 300
        url = None
        while url is None or fetch(url) is None:
            served = re.search(r"Serving on (http://\S+)", (work / "serve.log").read_text())
            url = served.group(1).rstrip("/") + "/" + page_path if served else None
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("mkdocs serve did not start:\n" + (work / "serve.log").read_text()[-3000:])
            time.sleep(0.2)
        original = page.read_text(encoding="utf-8")
        for k in range(args.edits):
            time.sleep(1.5)  # let the previous reload settle, as between an author's saves
            marker = f"Benchmark sentence {k} {time.time_ns()}."
            start = time.monotonic()
            save(page, original + f"\n\n{marker}\n")
            while True:
                html = fetch(url)
                if html and marker in html:
                    break
                if time.monotonic() - start > 60:
                    raise SystemExit(f"edit {k}: not served after 60 s\n" + (work / "serve.log").read_text()[-3000:])
                time.sleep(0.02)
            times.append(time.monotonic() - start)
            print(f"edit {k + 1}: {times[-1]:.2f} s", flush=True)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    median = statistics.median(times)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    summary = (f"mkdocs serve edit-to-reload ({args.page}, {len(times)} edits): median {median:.2f} s, "
               f"min {min(times):.2f} s, max {max(times):.2f} s; load average (1 min) {load:.1f}, "
               f"{os.cpu_count()} cores")
    print(summary)
    if args.record:
        (ROOT / "bench" / "serve-reload.txt").write_text(
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()) + "\n" + summary + "\n"
            + "\n".join(f"edit {i + 1}: {t:.2f} s" for i, t in enumerate(times)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
