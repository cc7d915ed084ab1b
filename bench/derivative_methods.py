"""Benchmark (not a test): the three ways the checker can take derivatives, side by side, on the
whole site and on formulas that are hard for differences (curvature, near-singular points).

    python bench/derivative_methods.py

dual: forward mode with dual numbers (the checker's method); complex: the complex step
x + i h e_k (h = 1e-30); central: central differences with h = 1e-5 (the former method), judged
by the same tolerance. Writes bench/derivative-methods.txt.
"""
from __future__ import annotations

import time
from pathlib import Path

from matcheck.check import check_tex
from matcheck.declare import parse_declarations
from matcheck.evaluate import METHODS, Scope
from matcheck.page import check_files

ROOT = Path(__file__).resolve().parent.parent
HARD = [
    (r"\frac{\partial \exp(100 c)}{\partial c} = 100 \exp(100 c)", "c: scalar"),
    (r"\frac{\partial \log(c^2)}{\partial c} = \frac{2}{c}", "c: scalar"),
    (r"\frac{\partial c^{-1}}{\partial c} = -c^{-2}", "c: scalar"),
    (r"\frac{\partial \operatorname{Tr}(X^{-1})}{\partial X} = -(X^{-1} X^{-1})^T", "X: n x n"),
    (r"\frac{\partial \operatorname{Tr}(A X^{-1} B)}{\partial X} = -(X^{-1} B A X^{-1})^T", "X: n x n; A, B: matrix"),
    (r"\frac{\partial \operatorname{Tr}((X^T C X)^{-1})}{\partial X} = -2 C X (X^T C X)^{-2}",
     "X: n x m tall; C: n x n spd"),
]


def site(method: str):
    """Every verified site formula re-checked with one method: (failures, worst error, seconds)."""
    pages = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "notebooks").glob("*.py"))
    start = time.perf_counter()
    reports = check_files(pages, ROOT, draws=5, method=method)
    elapsed = time.perf_counter() - start
    results = [r for p in reports for r in p.results if r.status in ("verified", "failed")]
    failed = [r for r in results if r.status == "failed"]
    worst = max((r.max_rel_err for r in results if r.status == "verified"), default=0.0)
    return len(failed), len(results), worst, elapsed


def hard(method: str):
    rows = []
    for tex, decls in HARD:
        scope = Scope({d.key: d for d in parse_declarations(decls)}, {})
        start = time.perf_counter()
        v = check_tex(tex, scope, seed=11, draws=1000, method=method)
        rows.append((v.status, v.max_rel_err, time.perf_counter() - start))
    return rows


def main() -> int:
    lines = ["| method | site: formulas failed (of checked), 5 draws | site: largest relative error | site: time | "
             "hard formulas verified at 1000 draws | their largest relative error | their time |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for method in METHODS:
        nfail, n, worst, t = site(method)
        rows = hard(method)
        ok = sum(r[0] == "verified" for r in rows)
        lines.append(f"| {method} | {nfail} of {n} | {worst:.1e} | {t:.2f} s | {ok} of {len(rows)} | "
                     f"{max(r[1] for r in rows):.1e} | {sum(r[2] for r in rows):.1f} s |")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (ROOT / "bench" / "derivative-methods.txt").write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
