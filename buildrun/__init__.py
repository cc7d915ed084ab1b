"""Bounded, offline runs of the site's own code, cached by content: the "Verify it yourself"
snippets (`buildrun.snippets`) and the worked-example notebooks (`buildrun.notebooks`), each with
a stated timeout and without network access (`buildrun.offline`). Kept free of MkDocs: the hooks
in hooks/ are thin adapters over it, and tests and scripts use it directly."""

SNIPPET_TIMEOUT = 30.0   # seconds a snippet may run (they take about one)
CELL_TIMEOUT = 60.0      # seconds a notebook cell may run (the slowest takes about two)
