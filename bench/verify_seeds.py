"""Benchmark (not a test): the whole-site verification, timed, and re-run with 200 fresh seeds.

Every run draws new random sizes and values for every formula; a checker whose tolerance is too
tight would flake here, one too loose would not be caught here but by tests/test_mutations.py.

    python bench/verify_seeds.py [--runs 200]

Prints the figures and writes them to bench/verification-seeds.txt.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from matcheck import verify_site


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    started = time.perf_counter()
    first = verify_site(ROOT, base_seed=0, audit=True)
    cold = time.perf_counter() - started
    totals = first.totals()

    times, failures, worst, noisy = [], [], 0.0, set()
    for seed in range(1, args.runs + 1):
        t0 = time.perf_counter()
        report = verify_site(ROOT, base_seed=seed, audit=False)
        times.append(time.perf_counter() - t0)
        for line in report.error_lines():
            failures.append(f"seed {seed}: {line}")
        plain = [r.max_rel_err for r in report.results if r.status == "verified" and not r.message]
        worst = max([worst] + plain)
        noisy.update((r.page, r.line) for r in report.results if r.status == "verified" and r.message)

    lines = [
        f"whole-site verification (pages, notebooks and the source audit), first run in a fresh process: {cold:.2f} s",
        f"formulas: {totals['verified']} verified, {totals['definition']} definitions, "
        f"{totals['declaration']} declarations, {totals['notation']} notation, {totals['expression']} expressions",
        f"{args.runs} runs with fresh seeds (base seeds 1..{args.runs}), {len(failures)} failures; "
        f"per run median {statistics.median(times):.2f} s, max {max(times):.2f} s; "
        f"largest relative error of any verified formula over all runs {worst:.1e} (tolerance 1e-06), "
        f"not counting {len(noisy)} formulas accepted on some draw within the rounding noise of their "
        f"finite differences: " + ", ".join(f"{p}:{line}" for p, line in sorted(noisy)),
    ]
    lines += failures[:20]
    text = "\n".join(lines)
    print(text)
    (ROOT / "bench" / "verification-seeds.txt").write_text(text + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
