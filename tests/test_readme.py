"""Keep the README true: generated blocks current, commands and files it names exist."""
from __future__ import annotations

import re

from click.testing import CliRunner

from transition.publish import manifest
from transition.run.cli import main
from transition.paths import PROJECT_ROOT
from transition.data.sources import load_registry

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_generated_blocks_are_current():
    assert manifest.update_readme(README) == README, "run `transition readme`"


def test_every_result_file_is_mapped_to_a_notebook_cell():
    mapped = set(manifest.output_map()["file"]) | set(manifest.OTHER_OUTPUTS)
    on_disk = {p.relative_to(PROJECT_ROOT / "results").as_posix() for p in (PROJECT_ROOT / "results").rglob("*")
               if p.is_file()}
    assert on_disk - mapped == set(), "result files no notebook cell writes"
    assert mapped - on_disk == set(), "mapped results missing from results/"


def test_every_data_source_has_an_availability_statement():
    for source in {entry.source for entry in load_registry().values()}:
        assert f"**`{source}`**" in README, source


def test_every_transition_command_the_readme_names_exists():
    named = set(re.findall(r"^transition (\w+)", README, flags=re.M)) | set(re.findall(r"`transition (\w+)", README))
    commands = set(main.commands)
    assert named and named <= commands, named - commands
    for command in named:
        assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0


def test_every_make_target_the_readme_names_exists():
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    for target in set(re.findall(r"`make (\w+)`", README)) | {"all", "test"}:
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_paths_the_readme_names_exist():
    for path in re.findall(r"`((?:src|data|notebooks|tests)/[\w./-]+)`", README):
        if "<" in path or path.endswith("processed/"):
            continue
        assert (PROJECT_ROOT / path).exists(), path


def test_the_first_page_says_in_short_what_the_readme_says():
    """The README's "In short" paragraph is the site's first page's (notebook 00): one text, in two places."""
    import json
    import re

    from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    in_short = re.search(r"^In short: (.*?)\n\n", readme, re.S | re.M).group(1)
    cells = json.loads((NOTEBOOKS_DIR / "00_claims_ledger.ipynb").read_text(encoding="utf-8"))["cells"]
    page = [("".join(c["source"])) for c in cells if c["cell_type"] == "markdown" and "**In short:**" in "".join(c["source"])]
    assert page and page[0].split("**In short:** ", 1)[1].strip() == in_short.strip()
