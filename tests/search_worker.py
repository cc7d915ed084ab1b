"""The site's search worker (overrides/assets/javascripts/workers/matcalc-search.js, wrapping
Material's own), run in Node: queries against a built site, and its formula-reading functions.

Node comes from PATH or from Playwright, which ships it (the same as tests/test_site_offline.py).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "matcalc-search.js"
MATERIAL_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"

_PRELUDE = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const [workers, wrapper, input] = process.argv.slice(2);
let handler = null; const out = []; const warnings = [];
globalThis.self = globalThis;
globalThis.addEventListener = (type, fn) => { if (type === "message") handler = fn; };
globalThis.postMessage = msg => out.push(msg);
globalThis.importScripts = (...urls) =>
  urls.forEach(u => vm.runInThisContext(fs.readFileSync(path.join(workers, u), "utf8")));
console.warn = (...args) => warnings.push(args.map(String).join(" "));
vm.runInThisContext(fs.readFileSync(wrapper, "utf8"));
const data = JSON.parse(fs.readFileSync(input, "utf8"));
"""

_QUERIES = _PRELUDE + r"""
(async () => {
  await handler({ data: { type: 0, data: { ...data.index, options: { suggest: true } } } });
  const result = {};
  for (const q of data.queries) {
    out.length = 0; warnings.length = 0;
    await handler({ data: { type: 2, data: q } });
    const items = out[out.length - 1].data.items;
    result[q] = { warnings: [...warnings],
                  groups: items.map(group => group.map(i => ({ location: i.location, score: i.score }))) };
  }
  process.stdout.write(JSON.stringify(result));
})();
"""

_KEYS = _PRELUDE + r"""
const result = {};
for (const q of data.queries) {
  const c = canonicalFormula(q);
  result[q] = { canonical: c, key: searchKey(c), pattern: patternKey(c) };
}
process.stdout.write(JSON.stringify(result));
"""


def node_executable() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node:
        return node
    from playwright._impl._driver import compute_driver_executable  # Playwright ships Node
    return str(compute_driver_executable()[0])


def _run(script: str, workers: Path, data: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        js, inp = Path(tmp) / "run.js", Path(tmp) / "input.json"
        js.write_text(script, encoding="utf-8")
        inp.write_text(json.dumps(data), encoding="utf-8")
        wrapper = workers / WRAPPER.name if (workers / WRAPPER.name).is_file() else WRAPPER
        result = subprocess.run([node_executable(), str(js), str(workers), str(wrapper), str(inp)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def site_worker_name(site: Path) -> str:
    """The worker the built pages start: the `search` entry of Material's __config."""
    html = (site / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    return Path(config["search"]).name


def query(site: Path, queries: list[str]) -> dict:
    """query -> {"groups": [[{location, score}, ...] per page, best first], "warnings": [...]}."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return _run(_QUERIES, site / "assets" / "javascripts" / "workers", {"index": index, "queries": queries})


def formula_keys_typed(typed: list[str]) -> dict:
    """typed formula -> {"canonical", "key", "pattern"} as the search box reads it."""
    return _run(_KEYS, MATERIAL_WORKERS, {"queries": typed})


def visible(groups: list[list[dict]]) -> list[str]:
    """The result links a reader sees, in order, as Material renders them: each page, then the
    sections scoring at least the first item of the group; the rest are folded away."""
    links = []
    for group in groups:
        threshold = group[0]["score"]
        article = next(i for i in group if "#" not in i["location"])
        rest = [i for i in group if i is not article]
        cut = next((k for k, i in enumerate(rest) if i["score"] < threshold), len(rest))
        links += [article["location"]] + [i["location"] for i in rest[:cut]]
    return links
