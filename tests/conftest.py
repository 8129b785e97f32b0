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


#: Tests that read the record's re-execution (``notebook_runner.record_report``) or plain nbval's outcome.
RECORD_TESTS = ("test_verify_passes_on_the_committed_record", "test_the_committed_essay_run_is_what_the_notebooks_give_now")
NBVAL_TEST = "test_plain_nbval_passes_on_the_committed_notebooks"


def _waits_for_background(item) -> bool:
    """Whether the test reads an execution of the background processes (background.py)."""
    path = Path(str(item.fspath))
    return (path.match("test_notebook_*.py") or item.name in (*RECORD_TESTS, NBVAL_TEST)
            or "russian_ledger_edition" in getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config, items):
    """Mark every test of :data:`KERNEL_TEST_FILES` (and nbval's notebook cells) as ``notebook``, so that
    ``pytest -m "not notebook"`` runs the unit tests alone; kernel-starting tests elsewhere (the
    runner's and the command line's) carry ``@pytest.mark.notebook`` themselves. The tests that read
    the background executions run last, so that those executions run beside the other tests."""
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb" or any(path.match(pattern) for pattern in KERNEL_TEST_FILES):
            item.add_marker(pytest.mark.notebook)
        if path.suffix == ".ipynb" or item.name == NBVAL_TEST:
            config._transition_nbval_cells = True
    waiting = [item for item in items if _waits_for_background(item)]
    items[:] = [item for item in items if not _waits_for_background(item)] + waiting


def pytest_collection_finish(session):
    """Start the notebook executions the collected tests read (background.py): plain nbval in a copy of
    the project, the shared runs and the record's re-execution through the execution cache."""
    if _mirror() is None or session.config.option.collectonly:
        return
    import background
    import notebook_runner

    items = session.items
    nbval = any(item.name == NBVAL_TEST for item in items)
    record = any(item.name in RECORD_TESTS for item in items)
    runs = notebook_runner.declared_runs() if any(_waits_for_background(item) for item in items) else []
    if nbval or record or runs:
        background.start(nbval, runs, record)


def pytest_sessionfinish(session, exitstatus):
    import background

    background.stop_all()


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
