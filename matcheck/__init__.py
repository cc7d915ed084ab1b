"""matcheck: verify matrix-calculus formulas from their LaTeX.

Pieces, one job each:
  grammar.lark / parse.py  LaTeX -> formula tree (lark)
  declare.py               the "where" declarations (shapes, properties, functions)
  shapes.py                shape inference (dimensions of "appropriate" size)
  sample.py                random instantiation of symbols and abstract functions
  evaluate.py              formula tree -> NumPy values, derivatives by central differences
  check.py                 relations (a = b = c) -> verdict with evidence
  extract.py               the math of a Markdown page, with line numbers
  page.py                  a whole page: where-boxes, definitions, every relation
  render.py                TeX -> MathML at build time (KaTeX through pykatex)
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
