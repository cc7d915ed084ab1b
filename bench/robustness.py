"""Benchmark (not a test): every formula of the site, pages and notebooks, on many fresh draws.

A checker whose tolerance is too tight flakes here (a right formula reported wrong on some draw);
one too loose is caught by the mutation tests instead. Each formula gets --draws draws in total,
as --chunks runs of draws/chunks draws with different base seeds (each run's draws are new),
spread over the machine's cores.

    python bench/robustness.py                 # 10,000 draws a formula
    python bench/robustness.py --draws 1000    # quicker

Prints the figures and writes them to bench/robustness.txt: failures (there must be none), the
largest margin seen (the largest discrepancy between two sides over what the tolerance allowed;
a formula fails above 1), the largest relative error, and the time.
"""
from __future__ import annotations

import argparse
import os
import platform
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> list:
    return sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "notebooks").glob("*.py"))


def _run(job):
    """One page at one base seed: (page, failures, [(line, margin, rel_err)], formulas)."""
    from matcheck.page import check_files
    path, seed, draws = job
    (report,) = check_files([path], ROOT, base_seed=seed, draws=draws)
    verified = [r for r in report.results if r.status == "verified"]
    return (report.page, [f"base seed {seed}: {e}" for e in report.error_lines()],
            [(r.line, r.margin, r.max_rel_err) for r in verified])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=10_000, help="draws per formula in total")
    parser.add_argument("--chunks", type=int, default=20, help="runs with different base seeds")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--first-seed", type=int, default=1000)
    args = parser.parse_args()
    per_run = max(1, args.draws // args.chunks)
    jobs = [(p, args.first_seed + k, per_run) for k in range(args.chunks) for p in _pages()]
    # Heaviest pages first, so the pool ends together.
    jobs.sort(key=lambda j: -j[0].stat().st_size)
    started = time.perf_counter()
    failures, worst = [], {}
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for page, errors, rows in pool.map(_run, jobs):
            failures += errors
            for line, margin, err in rows:
                key = f"{page}:{line}"
                m, e = worst.get(key, (0.0, 0.0))
                worst[key] = (max(m, margin), max(e, err))
    elapsed = time.perf_counter() - started
    top = sorted(worst.items(), key=lambda kv: -kv[1][0])[:5]
    lines = [
        f"{len(worst)} verified formulas (pages and notebooks), {per_run * args.chunks} draws each "
        f"({args.chunks} runs of {per_run}, base seeds {args.first_seed}..{args.first_seed + args.chunks - 1}): "
        f"{len(failures)} failures",
        f"largest margin (discrepancy / allowed; a formula fails above 1): {top[0][1][0]:.3g} at {top[0][0]}",
        f"largest relative error of any verified formula: {max(e for _, e in worst.values()):.3g}",
        "closest to the tolerance: " + ", ".join(f"{k} ({m:.2g})" for k, (m, _) in top),
        f"time: {elapsed:.0f} s wall on {args.workers} workers ({platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()})",
    ] + failures[:20]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (ROOT / "bench" / "robustness.txt").write_text(text)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
