"""matcheck: verify matrix-calculus formulas from their LaTeX.

Pieces, one job each:
  grammar.lark / parse.py  LaTeX -> formula tree (lark); tree.py: the nodes and one generic
                           children / with_children API that every walker uses
  functions.py             the table of named functions (spellings, shape rule, implementation,
                           printer, search words); properties.py: the table of properties
  declare.py               the "where" declarations (shapes, properties, functions)
  resolve.py               pass 1: symbols against the declarations and definitions
  shapes.py                pass 2: shape inference (dimensions of "appropriate" size)
  sample.py                random draws and random smooth functions
  algebra.py / evaluate.py pass 3: values, with exact derivatives by dual numbers
  check.py                 relations (a = b = c) -> verdict with evidence and a reproduce command
  mutate.py                mutation testing over every node
  extract.py / page.py     the math of a Markdown page, with line numbers; a whole page
  printer.py               tree -> TeX; render.py: TeX -> MathML at build time (KaTeX)
Usable without MkDocs; hooks/formulas.py is a thin adapter over page.py and render.py.
"""
from __future__ import annotations

from pathlib import Path as _Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .site import SiteReport


def verify_site(root, base_seed: int = 0, audit: bool = True) -> SiteReport:
    """Check every page under docs/ and every worked-example notebook; return the SiteReport."""
    from .site import check_site
    root = _Path(root)
    pages = sorted((root / "docs").rglob("*.md")) + sorted((root / "notebooks").glob("*.py"))
    return check_site(pages, root, root / "docs", base_seed=base_seed, audit=audit)
