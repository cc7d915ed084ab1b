"""The strict build passes with zero MkDocs warnings (and, through hooks/formulas.py, every formula
on every page is checked and rendered)."""


def test_strict_build_passes(strict_build):
    site, output = strict_build
    assert (site / "index.html").is_file()
    assert (site / "verification.json").is_file()
    warnings = [line for line in output.splitlines() if line.startswith(("WARNING -", "ERROR -"))]
    assert warnings == [], warnings
