"""One strict build of the site for every test module that only reads the result (a build runs
the formula checker and executes the notebooks, so it is the slowest step of the suite)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def build_cache(tmp_path_factory) -> Path:
    """A fresh cache directory for the suite's builds (MATCALC_CACHE_DIR): the first build executes
    every notebook and runs every snippet, as in a fresh clone; later ones (tests/test_serve.py,
    tests/test_bad_input.py) reuse what it executed, keyed by content."""
    return tmp_path_factory.mktemp("build-cache")


@pytest.fixture(scope="session")
def strict_build(tmp_path_factory, build_cache):
    """(site directory, the build's output). MPLBACKEND=Agg is set on purpose: hooks/notebooks.py
    must undo it for the kernels, or the notebook pages lose their plots (tests/test_notebooks.py)."""
    site = tmp_path_factory.mktemp("strict-build") / "site"
    env = dict(os.environ, MPLBACKEND="Agg", NO_MKDOCS_2_WARNING="1", MATCALC_CACHE_DIR=str(build_cache))
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr
