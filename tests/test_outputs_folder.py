"""Where ``Outputs`` writes: results/ by default, a project-relative folder, or an explicit absolute one;
never outside the project through a relative path (plain papermill with ``output_dir='../../x'``)."""
from __future__ import annotations

import pytest

from transition.paths import PROJECT_ROOT, RESULTS_DIR, STAGING_ENV
from transition.present import outputs


@pytest.fixture(autouse=True)
def _no_staging(monkeypatch):
    monkeypatch.delenv(STAGING_ENV, raising=False)


def test_default_relative_and_absolute_folders():
    assert outputs.output_folder(None) == RESULTS_DIR
    assert outputs.output_folder("runs/x") == PROJECT_ROOT / "runs" / "x"
    assert outputs.output_folder("/tmp/elsewhere").as_posix() == "/tmp/elsewhere"


@pytest.mark.parametrize("escape", ["../../x", "..", "runs/../../x", "notebooks/../../../tmp"])
def test_a_relative_output_dir_cannot_leave_the_project(escape, tmp_path):
    with pytest.raises(ValueError, match="outside the project"):
        outputs.Outputs("98_fixture", escape)


def test_an_explicit_absolute_folder_outside_the_project_is_accepted(tmp_path):
    out = outputs.Outputs("98_fixture", str(tmp_path / "own"))
    assert out.dir == tmp_path / "own" and out.figures_dir.is_dir()


def test_the_runner_staging_folder_wins(monkeypatch, tmp_path):
    monkeypatch.setenv(STAGING_ENV, str(tmp_path / "staged"))
    assert outputs.Outputs("98_fixture", "../../x").dir == tmp_path / "staged"
