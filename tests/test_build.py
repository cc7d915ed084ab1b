"""The strict build passes with zero MkDocs warnings (and, through hooks/formulas.py, every formula
on every page is checked and rendered)."""


def test_strict_build_passes(strict_build):
    site, output = strict_build
    assert (site / "index.html").is_file()
    assert (site / "verification.json").is_file()
    warnings = [line for line in output.splitlines() if line.startswith(("WARNING -", "ERROR -"))]
    assert warnings == [], warnings


def test_strict_build_prints_no_kernel_warning_and_no_traceback(strict_build):
    # The kernels talk over IPC (buildrun/notebooks.py): nothing to warn about running over TCP.
    _, output = strict_build
    assert "Kernel is running over TCP" not in output
    assert "Traceback" not in output
