"""Shared fixtures and the `notebook` marker. Tests that need the real raw files use the mirror beside the project."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from transition.chapters import specs

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MIRROR = PROJECT_ROOT.parent / "shared" / "data"

# `pytest` run by hand on a team machine finds the mirror the way `make test` does.
if not os.environ.get("TRANSITION_DATA_MIRROR") and (DEFAULT_MIRROR / "SOURCES.csv").is_file():
    os.environ["TRANSITION_DATA_MIRROR"] = str(DEFAULT_MIRROR)


def _mirror() -> Path | None:
    configured = os.environ.get("TRANSITION_DATA_MIRROR")
    return Path(configured) if configured and Path(configured).is_dir() else None


requires_mirror = pytest.mark.skipif(_mirror() is None, reason="needs the raw-data mirror (TRANSITION_DATA_MIRROR)")


@pytest.fixture(scope="session")
def real_panel():
    """The tidy panel built from the real raw files (cached parquet when current)."""
    if _mirror() is None:
        pytest.skip("needs the raw-data mirror (TRANSITION_DATA_MIRROR)")
    from transition.data import panel

    return panel.load()


#: Test files in which every test starts a Jupyter kernel (papermill, nbval or a browser on a run).
KERNEL_TEST_FILES = ("test_notebook_*.py", "test_browser.py", "test_determinism.py")


def pytest_collection_modifyitems(config, items):
    """Mark every test of :data:`KERNEL_TEST_FILES` (and nbval's notebook cells) as ``notebook``, so that
    ``pytest -m "not notebook"`` runs the unit tests alone; kernel-starting tests elsewhere (the
    runner's and the command line's) carry ``@pytest.mark.notebook`` themselves."""
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb" or any(path.match(pattern) for pattern in KERNEL_TEST_FILES):
            item.add_marker(pytest.mark.notebook)
        if path.suffix == ".ipynb":
            config._transition_nbval_cells = True


@pytest.fixture(autouse=True, scope="module")
def _fixture_specs_stay_in_their_module():
    """Fixture notebooks register their specs (runner_fixtures.register_spec); forget them after the
    module, so that other modules see the project's specs only."""
    saved = dict(specs.SPECS)
    yield
    specs.SPECS.clear()
    specs.SPECS.update(saved)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """After a run that collected notebook cells (nbval), report the share of the committed notebooks'
    code cells with text output whose outputs nbval compares, and why the others are not."""
    if getattr(config, "_transition_nbval_cells", False):
        from nbval_share import share

        terminalreporter.write_line(share().summary())
