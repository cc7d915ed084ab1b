"""Command line: check your own formula, a page, or the whole site.

    python -m matcheck check "\\frac{\\partial \\operatorname{Tr}(AX)}{\\partial X} = A^T" --where "A: m x n, X: n x m"
    python -m matcheck page docs/matrix-function-derivatives.md
    python -m matcheck site            # every page under docs/, plus the source audit
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .check import DRAWS, TOLERANCE, check_tex, reproduce_command
from .declare import DeclarationError, parse_declarations
from .evaluate import METHODS, Scope

ROOT = Path(__file__).resolve().parent.parent


def _check(args) -> int:
    try:
        decls = parse_declarations(args.where) if args.where.strip() else []
    except DeclarationError as exc:
        print(f"--where: {exc}", file=sys.stderr)
        return 2
    scope = Scope({d.key: d for d in decls}, {})
    for definition in args.define or []:
        v = check_tex(definition, scope, seed=args.seed)
        if not v.ok:
            print(f"--define `{definition}`: {v.message}", file=sys.stderr)
            return 2
    before = scope.copy()
    v = check_tex(args.formula, scope, seed=args.seed, draws=args.draws, method=args.method)
    if v.status == "verified":
        how = {"dual": "exact derivatives (dual numbers)", "complex": "exact derivatives (complex step)",
               "central": "central differences (h = 1e-5)"}[args.method]
        print(f"verified: {args.formula}")
        print(f"  evidence: {v.draws} random draws (seed {args.seed}), {how}, max relative error "
              f"{v.max_rel_err:.2e} (tolerance {TOLERANCE:g} plus rounding), margin {v.margin:.2g}"
              + (f"; {v.message}" if v.message else ""))
        return 0
    if v.status == "failed":
        print(f"counterexample: {args.formula}")
        print(f"  {v.message}")
        print(f"  reproduce: {reproduce_command(args.formula, before, args.seed, args.draws)}")
        return 1
    print(f"{v.status}: {args.formula}" + (f" ({v.message})" if v.message else ""))
    return 0


def _pages(args) -> int:
    from .site import check_site
    root = _root(args)
    paths = _site_paths(args)
    start = time.perf_counter()
    report = check_site(paths, root, root / "docs", base_seed=args.seed, draws=args.draws)
    elapsed = time.perf_counter() - start
    totals = report.totals()
    for line in report.error_lines():
        print(line)
    verified = [r for r in report.results if r.status == "verified"]
    margin = max((r.margin for r in verified), default=0.0)
    print(f"{len(paths)} pages: " + ", ".join(f"{v} {k}" for k, v in sorted(totals.items()))
          + f" in {elapsed:.2f} s (seed {args.seed}, {args.draws} draws a formula; largest margin "
          f"{margin:.2g} of the tolerance)")
    return 1 if report.error_lines() else 0


def _site_paths(args) -> list:
    root = _root(args)
    if args.paths:
        paths = []
        for given in args.paths:
            # A relative path is read from the current directory, else from the site's root.
            path = Path(given)
            if not path.is_absolute() and not path.exists() and (root / path).exists():
                path = root / path
            path = path.resolve()
            if not path.is_file():
                raise SystemExit(f"matcheck: {given}: no such file (paths are read from the current "
                                 f"directory, or from the site's root {root})")
            if not path.is_relative_to(root):
                raise SystemExit(f"matcheck: {given}: not inside the site's root {root}; "
                                 f"pass --root with the directory that holds its docs/")
            paths.append(path)
        return paths
    return sorted((root / "docs").rglob("*.md")) + sorted((root / "notebooks").glob("*.py"))


def _root(args) -> Path:
    """The site: --root, else the current directory if it has docs/, else this checkout."""
    if getattr(args, "root", None):
        return Path(args.root).resolve()
    here = Path.cwd()
    return here if (here / "docs").is_dir() else ROOT


def _mutate(args) -> int:
    from .mutate import mutate_pages, summary_line
    from .page import check_files
    root = _root(args)
    start = time.perf_counter()
    pages = check_files(_site_paths(args), root)
    results = mutate_pages(pages)
    by_page: dict = {}
    for page, _, rep in results:
        by_page.setdefault(page, []).append(rep)
    for page, reps in by_page.items():
        print(f"{page}: {summary_line(reps)[len('mutation: '):]}")
        for rep in reps:
            for label in rep.survived:
                print(f"  survived: {label} in `{rep.tex}`")
            for k in rep.bare_sides:
                print(f"  no mutant: side {k} of `{rep.tex}`")
            if args.verbose:
                for label in rep.equivalent:
                    print(f"  equivalent: {label} in `{rep.tex}`")
    reps = [r for _, _, r in results]
    print(f"({len(reps)} formulas in {time.perf_counter() - start:.1f} s)")
    print(summary_line(reps))
    return 1 if any(r.survived or r.bare_sides for r in reps) else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matcheck", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check one formula")
    c.add_argument("formula", help="the formula's LaTeX, e.g. \"\\nabla_x (a^T x) = a\"")
    c.add_argument("--where", default="", help='declarations, e.g. "A: m x n, X: n x m, c: scalar"')
    c.add_argument("--define", action="append", help="a definition to bind first, e.g. \"u := Ax\"")
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--draws", type=int, default=DRAWS)
    c.add_argument("--method", choices=METHODS, default="dual",
                   help="how derivatives are taken: dual numbers (default), complex step, or central differences")
    c.set_defaults(func=_check)
    for name in ("page", "site"):
        p = sub.add_parser(name, help="check pages (default: every page under docs/ and every notebook)")
        p.add_argument("paths", nargs="*")
        p.add_argument("--seed", type=int, default=0, help="the base seed (each formula's seed also "
                       "depends on its page, its TeX and what it uses)")
        p.add_argument("--draws", type=int, default=DRAWS)
        p.add_argument("--root", help="the site's directory (default: the current one, if it has docs/)")
        p.set_defaults(func=_pages)
    m = sub.add_parser("mutate", help="mutation testing: wrong variants of every verified formula must fail")
    m.add_argument("paths", nargs="*", help="pages or notebooks (default: the whole site)")
    m.add_argument("--root", help="the site's directory (default: the current one, if it has docs/)")
    m.add_argument("-v", "--verbose", action="store_true", help="also list the equivalent mutants and why")
    m.set_defaults(func=_mutate)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
