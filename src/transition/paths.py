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
#: Set by the runner in each kernel's environment: the staging folder that takes the place of a
#: notebook's ``output_dir`` (read by :class:`transition.present.outputs.Outputs` itself).
STAGING_ENV = "TRANSITION_STAGING_DIR"
