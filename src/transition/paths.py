"""Where the compendium keeps things: one place, so that nothing hard-codes a folder."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
PROCESSED_DIR = DATA_DIR / "processed"
RESULTS_DIR = PROJECT_ROOT / "results"
FIGURES_DIR = RESULTS_DIR / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
#: Named runs (``transition run --name NAME``): runs/NAME/.
RUNS_DIR = PROJECT_ROOT / "runs"
#: The run of notebooks 01-08 with the data observed to the essay's year only (``as_of`` = 2002, the year of
#: ``vocabulary.ESSAY_YEAR``): the claims ledger judges every claim "as of the essay" on its headline files.
ESSAY_RUN = "as_of_2002"
ESSAY_RESULTS_DIR = RUNS_DIR / ESSAY_RUN
#: Set by the runner in each kernel's environment: the staging folder that takes the place of a
#: notebook's ``output_dir`` (read by :class:`transition.present.outputs.Outputs` itself).
STAGING_ENV = "TRANSITION_STAGING_DIR"
#: Set by the runner in each kernel's environment: the notebook file being executed (the colophon
#: hashes its code cells; outside the runner, the project's ``notebooks/<stem>.ipynb``).
NOTEBOOK_ENV = "TRANSITION_NOTEBOOK"
