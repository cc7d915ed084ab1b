"""Benchmark: this site against the same pages built as plain Material (not a test).

    . /work/venv/bin/activate && python bench/run.py             # everything (about 10 minutes)
    python bench/run.py --runs 3 --lighthouse-runs 1 --no-tests    # quicker
    python bench/run.py --no-write                                 # print only

Prints a report and writes it to bench/RESULTS.md and to README.md between
<!-- bench:start --> and <!-- bench:end --> (under a "Benchmarks" heading, added if missing).

What is compared (both built from the same docs/; this site with `mkdocs build --strict`):
  this site   mkdocs.yml as it is: hooks/formulas.py checks every formula and renders it to MathML
              at build time; pages load no math script, stylesheet or font.
  plain       the same mkdocs.yml (theme, plugins, other hooks, extra CSS) with hooks/formulas.py
              removed, so arithmatex's TeX is left in the page and rendered in the browser by KaTeX
              (npm `katex`, served from the site itself, set up as Material's documentation shows:
              katex.min.js + auto-render + katex.min.css and its fonts). Nothing is checked.
Both are served from 127.0.0.1 the way GitHub Pages serves them: gzip (level 6) for text, 600 s
cache lifetime. Page weight is the sum of encoded response bodies on a first, cold-cache load,
waiting for the network to go idle (so the search worker and index count). Lighthouse runs
against the same server (npm `lighthouse` 12.x in bench/node_modules, Debian's Chromium).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import functools
import gzip
import http.server
import importlib.util
import json
import mimetypes
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The browser tests' harness (site discovery, Chromium settings, the reader's checks), loaded from
# its file: tests/browser is not a package.
_spec = importlib.util.spec_from_file_location("harness", ROOT / "tests" / "browser" / "harness.py")
harness = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = harness  # dataclasses look their module up
_spec.loader.exec_module(harness)

NODE_MODULES = HERE / "node_modules"
RESULTS = HERE / "RESULTS.md"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
FORMULAS_HOOK = "hooks/formulas.py"
TARGET_KB = 160
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg)")


# ---------------------------------------------------------------------------------------------
# The hook point for the lead: whole-site verification time


def verification_seconds() -> float | None:
    """Time the whole-site verification without MkDocs: `matcheck.verify_site(root)` checks every
    page, every notebook and the source audit, in a fresh process (imports included). Returns
    None, and the report says "not measured", if matcheck has no verify_site.
    """
    probe = subprocess.run([sys.executable, "-c", "import matcheck, sys; "
                            "sys.exit(0 if hasattr(matcheck, 'verify_site') else 3)"],
                           cwd=ROOT, capture_output=True, text=True)
    if probe.returncode != 0:
        return None
    code = f"import matcheck, pathlib; matcheck.verify_site(pathlib.Path({str(ROOT)!r}))"
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        print(f"verify_site failed ({run.returncode}):\n{run.stdout}{run.stderr}", file=sys.stderr)
        return None
    return seconds


# ---------------------------------------------------------------------------------------------
# Builds


def _lenient_yaml(path: Path) -> dict:
    """mkdocs.yml as data; !!python/... tags (e.g. emoji) become None, which is all we need."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


def make_plain_config(work: Path) -> Path:
    """The baseline: a copy of docs/ plus KaTeX, and a config that INHERITs mkdocs.yml with the
    formula hook removed and KaTeX added (Material's documented KaTeX setup)."""
    katex = NODE_MODULES / "katex" / "dist"
    if not katex.is_dir():
        raise SystemExit("bench needs npm packages: (cd bench && npm install)")
    cfg = _lenient_yaml(ROOT / "mkdocs.yml")
    docs = work / "plain-docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / cfg.get("docs_dir", "docs"), docs)
    dest = docs / "assets" / "katex"
    (dest / "contrib").mkdir(parents=True)
    for name in ("katex.min.js", "katex.min.css"):
        shutil.copy(katex / name, dest / name)
    shutil.copy(katex / "contrib" / "auto-render.min.js", dest / "contrib" / "auto-render.min.js")
    shutil.copytree(katex / "fonts", dest / "fonts")
    (dest / "katex-init.js").write_text("""document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\\\(", right: "\\\\)", display: false },
      { left: "\\\\[", right: "\\\\]", display: true }
    ],
  })
})
""")
    hooks = [str((ROOT / h).resolve()) for h in cfg.get("hooks") or [] if h != FORMULAS_HOOK]
    child = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "strict": False,   # links to anchors that only the formula hook generates (errata) warn
        "docs_dir": str(docs),
        "hooks": hooks,
        "extra_css": list(cfg.get("extra_css") or []) + ["assets/katex/katex.min.css"],
        "extra_javascript": list(cfg.get("extra_javascript") or []) + [
            "assets/katex/katex-init.js", "assets/katex/katex.min.js",
            "assets/katex/contrib/auto-render.min.js"],
    }
    custom_dir = (cfg.get("theme") or {}).get("custom_dir")
    if custom_dir:
        child["theme"] = {"custom_dir": str((ROOT / custom_dir).resolve())}
    path = work / "mkdocs-plain.yml"
    path.write_text(json.dumps(child, indent=2))      # JSON is YAML
    return path


def time_builds(config: Path | None, out: Path, runs: int, work: Path, strict: bool = True) -> dict:
    """Cold: a new process, empty output directory, empty bytecode cache (PYTHONPYCACHEPREFIX to a
    new directory, so every module compiles from source). Warm: a new process, bytecode cached,
    output directory left from the last build: a writer's rebuild. The plain build is not strict:
    without the formula hook, links to anchors that the hook generates (e.g. errata lines) warn."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)] + (["--strict"] if strict else [])
    if config is not None:
        cmd += ["--config-file", str(config)]

    def one(env_extra: dict) -> float:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_extra}
        started = time.perf_counter()
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - started
        if r.returncode != 0:
            raise SystemExit(f"build failed: {' '.join(cmd)}\n{r.stdout}{r.stderr}")
        return seconds

    cold, warm = [], []
    for i in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        pyc = work / f"pycache-cold-{i}"
        shutil.rmtree(pyc, ignore_errors=True)
        cold.append(one({"PYTHONPYCACHEPREFIX": str(pyc)}))
        shutil.rmtree(pyc, ignore_errors=True)
    one({})  # prime the ordinary bytecode cache
    for _ in range(runs):
        warm.append(one({}))
    return {"cold": statistics.median(cold), "warm": statistics.median(warm),
            "cold_runs": cold, "warm_runs": warm}


# ---------------------------------------------------------------------------------------------
# Serving like GitHub Pages: gzip and a 600 s cache lifetime


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    _cache: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return
        ctype = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
        body = path.read_bytes()
        encoded = False
        if COMPRESSIBLE.match(ctype) and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (str(path), path.stat().st_mtime_ns)
            if key not in self._cache:
                self._cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body, encoded = self._cache[key], True
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()


class GzipServer:
    def __init__(self, directory: Path):
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------------
# In Chromium: first-load weight, requests, time until the math is typeset

# Runs before the page's own scripts; records when every formula is typeset and fonts are ready.
TYPESET_TIMER_JS = """(() => {
  window.__typeset = null;
  const done = () => {
    const art = document.querySelector('article');
    if (!art || document.readyState === 'loading') return false;
    if (art.querySelectorAll('.arithmatex').length)      // plain: KaTeX must have run on every one
      return [...art.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'));
    return true;                                          // this site: MathML is in the HTML
  };
  const tick = () => {
    if (done()) {
      document.fonts.ready.then(() => requestAnimationFrame(() => {
        window.__typeset = performance.now();
      }));
    } else {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
})();"""


def first_load(browser, base: str, path: str, cpu_slowdown: float = 1) -> dict:
    context = browser.new_context(viewport=harness.VIEWPORT, service_workers="block")
    outside: list[str] = []
    context.route("**/*", lambda route, req: route.continue_() if req.url.startswith(base)
                  else (outside.append(req.url), route.abort())[1])
    context.add_init_script(TYPESET_TIMER_JS)
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    if cpu_slowdown != 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_function("window.__typeset !== null", timeout=30_000)
    typeset_ms = page.evaluate("window.__typeset")
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    formulas = page.evaluate("document.querySelectorAll('article math').length")
    items = []
    for r in responses:
        length = r.header_value("content-length")
        size = int(length) if length is not None else r.request.sizes()["responseBodySize"]
        items.append((r.url[len(base):], size, r.header_value("content-type") or ""))
    context.close()
    return {"bytes": sum(s for _, s, _ in items), "requests": len(items), "typeset_ms": typeset_ms,
            "fcp_ms": fcp, "formulas": formulas, "items": items, "outside": outside}


def page_weights(browser, base: str, pages: list[str]) -> dict[str, dict]:
    return {p: first_load(browser, base, p) for p in pages}


def typeset_times(browser, base: str, path: str, runs: int, cpu_slowdown: float = 1) -> float:
    return statistics.median(first_load(browser, base, path, cpu_slowdown)["typeset_ms"]
                             for _ in range(runs))


# ---------------------------------------------------------------------------------------------
# Lighthouse

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url: str, preset: str, runs: int, work: Path) -> dict | None:
    cli = NODE_MODULES / "lighthouse" / "cli" / "index.js"
    if not cli.is_file() or not shutil.which("node"):
        return None
    flags = " ".join(["--headless=new"] + harness.CHROMIUM_ARGS)
    scores = {c: [] for c in CATEGORIES}
    failures: dict[str, list[str]] = {}
    metrics: dict[str, list[float]] = {"lcp_ms": [], "tbt_ms": [], "fcp_ms": [], "cls": []}
    for i in range(runs):
        out = work / f"lh-{preset}-{i}.json"
        cmd = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "CHROME_PATH": str(harness.CHROMIUM)})
        if r.returncode != 0 or not out.is_file():
            print(f"lighthouse failed ({preset}): {r.stderr[-2000:]}", file=sys.stderr)
            return None
        report = json.loads(out.read_text())
        for c in CATEGORIES:
            cat = report["categories"][c]
            scores[c].append(round(cat["score"] * 100) if cat["score"] is not None else None)
            for ref in cat["auditRefs"]:
                audit = report["audits"][ref["id"]]
                if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                    failures.setdefault(c, [])
                    note = f"{ref['id']} ({audit['score']:.2f})"
                    if note.split(" ")[0] not in " ".join(failures[c]):
                        failures[c].append(note)
        a = report["audits"]
        metrics["lcp_ms"].append(a["largest-contentful-paint"]["numericValue"])
        metrics["tbt_ms"].append(a["total-blocking-time"]["numericValue"])
        metrics["fcp_ms"].append(a["first-contentful-paint"]["numericValue"])
        metrics["cls"].append(a["cumulative-layout-shift"]["numericValue"])
        if i == 0:
            shutil.copy(out, work / f"lighthouse-{preset}-{url.rsplit(':', 1)[-1].replace('/', '_')}.json")
    med = {c: statistics.median(v) if None not in v else None for c, v in scores.items()}
    return {"scores": med, "runs": scores, "below_1": failures,
            "metrics": {k: statistics.median(v) for k, v in metrics.items()}}


# ---------------------------------------------------------------------------------------------
# The test suite


def suite_seconds(args: list[str]) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if k != "MATCALC_REQUIRE_BROWSER"}
    started = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                       cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    tail = [line for line in r.stdout.strip().splitlines() if line.strip()]
    return seconds, (tail[-1] if tail else f"exit {r.returncode}")


# ---------------------------------------------------------------------------------------------
# Report


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def _asset_sizes(site_dir: Path) -> list[tuple[str, int, int]]:
    """Material's own payload: (file, bytes, gzip bytes) of the JS bundle, CSS, search worker."""
    out = []
    for pattern in ("assets/javascripts/bundle.*.min.js", "assets/javascripts/workers/search.*.min.js",
                    "assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css",
                    "search/search_index.json"):
        for f in sorted(site_dir.glob(pattern)):
            data = f.read_bytes()
            out.append((f.relative_to(site_dir).as_posix(), len(data), len(gzip.compress(data, 6, mtime=0))))
    return out


def render_report(r: dict) -> str:
    ours, plain = r["builds"]["ours"], r["builds"]["plain"]
    L = []
    L.append(f"Measured {r['date']} on {r['machine']} with `python bench/run.py` "
             f"(medians of {r['runs']} runs; Lighthouse medians of {r['lighthouse_runs']}). "
             "Plain Material = the same pages and config without the formula hook, math rendered "
             "in the browser by KaTeX served from the site; see bench/RESULTS.md.")
    if "load_before" in r:
        L.append(f"Load average (1 min) {r['load_before'][0]:.1f} before, {r['load_after'][0]:.1f} after: "
                 "on a shared machine, timings above roughly 1 per core are noisy.")
    L.append("")
    L.append("| | this site (checked, MathML at build time) | plain Material (KaTeX in the browser) |")
    L.append("| --- | --- | --- |")
    L.append(f"| build, cold | {ours['cold']:.2f} s ({ours['cold'] / plain['cold']:.1f}x) | {plain['cold']:.2f} s |")
    L.append(f"| build, warm | {ours['warm']:.2f} s ({ours['warm'] / plain['warm']:.1f}x) | {plain['warm']:.2f} s |")
    focus = [("heaviest page", r["heaviest"]), ("page with most formulas", r["mathiest"])]
    if r.get("notebook"):
        focus.append(("heaviest notebook page", r["notebook"]))
    for label, page in focus:
        wo, wp = r["weights"]["ours"][page], r["weights"]["plain"][page]
        met = "met" if wo["bytes"] <= TARGET_KB * 1024 else "NOT met"
        L.append(f"| {label} `{page}` ({wo['formulas']} formulas): first load, gzip | {kb(wo['bytes'])} in "
                 f"{wo['requests']} requests (target <= {TARGET_KB} KB: {met}) | {kb(wp['bytes'])} in "
                 f"{wp['requests']} requests |")
    t = r["typeset"]
    L.append(f"| all math typeset on `{r['mathiest']}` (Chromium, localhost) | {t['ours']:.0f} ms | {t['plain']:.0f} ms |")
    L.append(f"| same, CPU slowed 4x | {t['ours_slow']:.0f} ms | {t['plain_slow']:.0f} ms |")
    fmt = lambda x: ("not run" if not x else " / ".join(  # noqa: E731
        "-" if x["scores"][c] is None else f"{x['scores'][c]:.0f}" for c in CATEGORIES))
    for key in r["lighthouse"]["ours"]:
        preset, page = key.split(" ", 1)
        L.append(f"| Lighthouse {preset} `{page}` (performance / accessibility / best practices / SEO) "
                 f"| {fmt(r['lighthouse']['ours'].get(key))} | {fmt(r['lighthouse']['plain'].get(key))} |")
    L.append("")
    v = r["verification"]
    L.append(f"- Whole-site verification alone: {'not measured yet (no `matcheck.verify_site`)' if v is None else f'{v:.2f} s'}.")
    s = r["suite"]
    if s:
        L.append(f"- Test suite (`pytest -q`): without browser tests {s['fast'][0]:.1f} s ({s['fast'][1]}); "
                 f"browser tests alone {s['browser'][0]:.1f} s ({s['browser'][1]}); "
                 f"everything {s['all'][0]:.1f} s ({s['all'][1]}).")
    return "\n".join(L)


def render_details(r: dict) -> str:
    L = ["", "## Details", ""]
    L.append("### Build runs (seconds)")
    for k in ("ours", "plain"):
        b = r["builds"][k]
        L.append(f"- {k}: cold {', '.join(f'{x:.2f}' for x in b['cold_runs'])}; "
                 f"warm {', '.join(f'{x:.2f}' for x in b['warm_runs'])}")
    L.append("")
    L.append("### First load of every page (gzip bytes, requests)")
    L.append("| page | formulas | this site | plain Material |")
    L.append("| --- | --- | --- | --- |")
    for p in r["weights"]["ours"]:
        o, q = r["weights"]["ours"][p], r["weights"]["plain"].get(p)
        L.append(f"| `{p}` | {o['formulas']} | {kb(o['bytes'])}, {o['requests']} | "
                 f"{kb(q['bytes']) + ', ' + str(q['requests']) if q else '-'} |")
    L.append("")
    for k in ("ours", "plain"):
        w = r["weights"][k][r["heaviest"]]
        L.append(f"### Requests of the heaviest page (`{r['heaviest']}`), {k}")
        L.append("| request | gzip bytes | type |")
        L.append("| --- | --- | --- |")
        for url, size, ctype in sorted(w["items"], key=lambda x: -x[1]):
            L.append(f"| `{url}` | {size:,} | {ctype.split(';')[0]} |")
        L.append("")
    L.append("### Material's own payload (this site's build)")
    L.append("| file | bytes | gzip |")
    L.append("| --- | --- | --- |")
    for name, raw, gz in r["assets"]:
        L.append(f"| `{name}` | {raw:,} | {gz:,} |")
    L.append("")
    for k in ("ours", "plain"):
        for preset, x in r["lighthouse"][k].items():
            if not x:
                continue
            L.append(f"### Lighthouse {preset}, {k}: runs {json.dumps(x['runs'])}")
            L.append("- metrics (median): " + ", ".join(f"{m} {v:.0f}" if m != "cls" else f"cls {v:.3f}"
                                                         for m, v in x["metrics"].items()))
            for c, audits in x["below_1"].items():
                L.append(f"- {c}: audits below 1 in some run: {', '.join(audits)}")
            L.append("")
    return "\n".join(L)


def write_readme(section: str):
    if not README.is_file():
        print(f"{README} does not exist: not written", file=sys.stderr)
        return
    text = README.read_text(encoding="utf-8")
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda m: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Benchmarks\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--lighthouse-runs", type=int, default=5)
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--no-tests", action="store_true", help="do not time the test suite")
    ap.add_argument("--no-write", action="store_true", help="print only; write no file")
    args = ap.parse_args(argv)

    problem = harness.why_no_browser()
    if problem:
        raise SystemExit(f"bench needs Chromium and Playwright: {problem}")
    work = HERE / ".work"
    work.mkdir(exist_ok=True)
    r: dict = {"date": _dt.date.today().isoformat(), "runs": args.runs,
               "lighthouse_runs": 0 if args.no_lighthouse else args.lighthouse_runs,
               "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, "
                          f"Chromium {subprocess.run([str(harness.CHROMIUM), '--version'], capture_output=True, text=True).stdout.split()[1]}"}

    r["load_before"] = os.getloadavg()
    print("building (cold and warm) ...", flush=True)
    sites = {"ours": work / "site-ours", "plain": work / "site-plain"}
    plain_cfg = make_plain_config(work)
    r["builds"] = {"ours": time_builds(None, sites["ours"], args.runs, work),
                   "plain": time_builds(plain_cfg, sites["plain"], args.runs, work, strict=False)}
    print(json.dumps({k: {"cold": v["cold"], "warm": v["warm"]} for k, v in r["builds"].items()}), flush=True)
    r["assets"] = _asset_sizes(sites["ours"])

    print("verification ...", flush=True)
    r["verification"] = verification_seconds()

    from playwright.sync_api import sync_playwright

    servers = {k: GzipServer(d) for k, d in sites.items()}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(harness.CHROMIUM), args=harness.CHROMIUM_ARGS)
            print("page weights ...", flush=True)
            pages = harness.sitemap_paths(sites["ours"])
            r["weights"] = {k: page_weights(browser, servers[k].base, pages) for k in sites}
            for k, w in r["weights"].items():
                bad = sorted({u for x in w.values() for u in x["outside"]})
                if bad:
                    print(f"{k}: requests to other hosts (blocked): {bad}", file=sys.stderr)
            ours = r["weights"]["ours"]
            heaviest = max(pages, key=lambda p: ours[p]["bytes"])
            mathiest = max(pages, key=lambda p: (ours[p]["formulas"], ours[p]["bytes"]))
            notebooks = [p for p in pages if p.startswith("/notebooks/")]
            notebook = max(notebooks, key=lambda p: ours[p]["bytes"]) if notebooks else None
            r["heaviest"], r["mathiest"], r["notebook"] = heaviest, mathiest, notebook
            r["focus"] = list(dict.fromkeys([heaviest, mathiest] + ([notebook] if notebook else [])))
            print(f"heaviest page: {heaviest}; most formulas: {mathiest}", flush=True)
            print("time until math is typeset ...", flush=True)
            r["typeset"] = {k: typeset_times(browser, servers[k].base, mathiest, args.runs) for k in sites}
            r["typeset"].update({f"{k}_slow": typeset_times(browser, servers[k].base, mathiest, args.runs, 4)
                                 for k in sites})
            browser.close()
        r["lighthouse"] = {"ours": {}, "plain": {}}
        if not args.no_lighthouse:
            for k in sites:
                for page in r["focus"]:
                    for preset in ("mobile", "desktop"):
                        print(f"lighthouse {k} {page} {preset} x{args.lighthouse_runs} ...", flush=True)
                        r["lighthouse"][k][f"{preset} {page}"] = lighthouse(
                            servers[k].base + page, preset, args.lighthouse_runs, work)
    finally:
        for s in servers.values():
            s.close()

    r["suite"] = None
    if not args.no_tests:
        print("test suite ...", flush=True)
        r["suite"] = {"fast": suite_seconds(["--ignore=tests/browser"]),
                      "browser": suite_seconds(["tests/browser"]),
                      "all": suite_seconds([])}

    r["load_after"] = os.getloadavg()
    summary = render_report(r)
    print("\n" + summary)
    (work / "results.json").write_text(json.dumps(r, indent=1, default=str))
    if not args.no_write:
        method = __doc__.split("\n\n", 2)[2].strip()
        RESULTS.write_text(f"# Benchmark results\n\n```text\n{method}\n```\n\n{summary}\n"
                           f"{render_details(r)}\n", encoding="utf-8")
        write_readme(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
