"""sitemeta: every page's front matter, loaded with PyYAML and validated.

Usable without MkDocs (tests, scripts); hooks/frontmatter.py is a thin adapter over it.

Each page of docs/ starts with a YAML block:

    ---
    title: Chain rule
    summary: One sentence; it is also the page's <meta name="description">.
    tags: [calculus, chain-rule]          # from the tags_allowed list in mkdocs.yml
    aliases: [backpropagation, backprop]  # what readers type; each alias names one page only
    ---
"""
from .frontmatter import (
    REQUIRED,
    FrontMatterError,
    PageMeta,
    check_pages,
    load_page,
    load_vocabulary,
    normalize_alias,
    parse_front_matter,
    validate_directory,
)

__all__ = [
    "FrontMatterError",
    "PageMeta",
    "REQUIRED",
    "check_pages",
    "load_page",
    "load_vocabulary",
    "normalize_alias",
    "parse_front_matter",
    "validate_directory",
]
