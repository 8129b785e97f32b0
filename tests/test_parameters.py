"""Parameter rules: every problem reported at once, with the allowed values."""
from __future__ import annotations

import pytest

from transition.chapters.parameters import Choice, Integer, ListOf, Number, ParameterSpec, Text
from transition.chapters.specs import all_specs

SPEC = ParameterSpec("99_test_spec", {
    "base_year": Integer(1989, 2000, "base year"),
    "threshold": Number(1, 4.33, "EBRD scale"),
    "source": Choice(["wdi", "pwt"]),
    "countries": ListOf(["RUS", "POL"]),
    "output_dir": Text(),
}, cross_checks=[lambda v: "base_year must precede 1995 with pwt"
                 if v.get("source") == "pwt" and v.get("base_year", 0) >= 1995 else None])


def test_valid_values_pass():
    SPEC.check(base_year=1989, threshold=3, source="wdi", countries=["RUS"], output_dir=None)


def test_each_problem_is_one_line_naming_allowed_values():
    with pytest.raises(ValueError) as caught:
        SPEC.check(base_year="1989", threshold=5.0, source="imf", countries=["RUS", "XXX"], output_dir=3)
    lines = str(caught.value).splitlines()
    assert lines[0] == "5 parameter problems in 99_test_spec:"
    assert "base_year = '1989': must be an integer from 1989 to 2000 (base year)" in lines[1]
    assert "threshold = 5.0: must be a number from 1 to 4.33 (EBRD scale)" in lines[2]
    assert "must be one of 'wdi', 'pwt'" in lines[3]
    assert "unknown 'XXX'; allowed: RUS, POL" in lines[4]
    assert "output_dir = 3: must be text or None" in lines[5]


def test_unknown_parameter_and_cross_check():
    with pytest.raises(ValueError, match="colour: unknown parameter"):
        SPEC.check(colour="red")
    with pytest.raises(ValueError, match="base_year must precede 1995 with pwt"):
        SPEC.check(base_year=1996, source="pwt")


def test_booleans_are_not_numbers():
    assert SPEC.problems(threshold=True) and SPEC.problems(base_year=True)


def test_command_line_strings_are_typed():
    assert SPEC.rules["base_year"].parse("1990") == 1990
    assert SPEC.rules["threshold"].parse("3") == 3.0
    assert SPEC.rules["countries"].parse("RUS, POL") == ["RUS", "POL"]


def test_every_notebook_has_a_spec_and_the_specs_import_no_scientific_stack():
    import subprocess
    import sys

    from transition.paths import NOTEBOOKS_DIR

    stems = {path.stem for path in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")}
    assert stems == set(all_specs())
    code = ("import sys, transition.chapters.specs as s; s.all_specs(); "
            "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', 'statsmodels') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"
