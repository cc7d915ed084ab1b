"""The Markdown cells of a jupytext percent-format notebook, as one Markdown text whose line numbers
are the notebook file's (code lines become blank lines), so its math is checked like a page's."""
from __future__ import annotations


def notebook_markdown(text: str) -> str:
    out, in_markdown = [], False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("# %%"):
            in_markdown = "[markdown]" in stripped or "[md]" in stripped
            out.append("")
            continue
        if in_markdown and (stripped == "#" or line.startswith("# ")):
            out.append(line[2:] if line.startswith("# ") else "")
        else:
            out.append("")
    return "\n".join(out)
