"""transition compare RUN [RUN2]: the headline numbers and verdicts that changed, old → new."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from transition.paths import RESULTS_DIR
from transition.publish import compare
from transition.run.cli import main


def _runs(tmp_path):
    results, runs = tmp_path / "results", tmp_path / "runs"
    results.mkdir()
    for path in RESULTS_DIR.glob("[0-9][0-9]_*.json"):
        shutil.copy2(path, results / path.name)
    run = runs / "deep"
    run.mkdir(parents=True)
    paths = json.loads((results / "02_output_paths.json").read_text())
    paths["cis_shallowest_trough_index"]["value"] = 97.0  # a CIS country avoided a substantial loss
    (run / "02_output_paths.json").write_text(json.dumps(paths))
    return results, runs


def test_compare_lists_the_changed_number_and_the_verdict_it_flips(tmp_path):
    results, runs = _runs(tmp_path)
    invoke = CliRunner().invoke(main, ["--results-dir", str(results), "--runs-dir", str(runs), "compare", "deep"])
    assert invoke.exit_code == 0, invoke.output
    text = invoke.output
    assert "deep against default: 1 notebook(s) in both (02)" in text
    assert "Headline numbers changed: 1 of" in text and "cis_shallowest_trough_index" in text and "97" in text
    lines = [line for line in text.splitlines() if line.startswith("C2 ")]
    assert lines and "latest data" in " ".join(lines)  # C2's verdict changes: a CIS country avoided the loss


def test_the_same_run_changes_nothing_and_a_missing_run_is_one_line(tmp_path):
    results, runs = _runs(tmp_path)
    shutil.copy2(results / "02_output_paths.json", runs / "deep" / "02_output_paths.json")
    same = CliRunner().invoke(main, ["--results-dir", str(results), "--runs-dir", str(runs), "compare", "deep", "default"])
    assert "Verdicts changed: 0" in same.output and "Headline numbers changed: 0 of" in same.output
    missing = CliRunner().invoke(main, ["--results-dir", str(results), "--runs-dir", str(runs), "compare", "nope"])
    assert missing.exit_code == 2 and missing.output.count("\n") == 1 and "nope: no run" in missing.output


def test_numbers_equal_to_the_files_precision_are_unchanged():
    old = {"02": {"a": {"value": 1.0}, "b": {"value": None}}}
    new = {"02": {"a": {"value": 1.0 + 1e-12}, "b": {"value": None}, "c": {"value": 2}}}
    assert compare.number_changes(old, new)["key"].tolist() == ["c"]
