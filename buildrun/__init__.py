"""Bounded, offline runs of the site's own code, cached by content: the "Verify it yourself"
snippets (`buildrun.snippets`) and the worked-example notebooks (`buildrun.notebooks`), each with
a stated timeout and without network access (`buildrun.offline`). Kept free of MkDocs: the hooks
in hooks/ are thin adapters over it, and tests and scripts use it directly."""

import os

# Seconds a snippet may run (they take about one) and a notebook cell may run (the slowest takes
# about two). The environment variables exist for the tests of the timeouts themselves.
SNIPPET_TIMEOUT = float(os.environ.get("MATCALC_SNIPPET_TIMEOUT", "30"))
CELL_TIMEOUT = float(os.environ.get("MATCALC_CELL_TIMEOUT", "60"))
