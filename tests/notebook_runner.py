"""Execute a notebook through papermill into a temporary folder (shared by the notebook tests)."""
from __future__ import annotations

from pathlib import Path

import papermill

PROJECT_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = PROJECT_ROOT / "notebooks"
KERNEL = "transition"


def run_notebook(stem: str, tmp_path: Path, **parameters) -> Path:
    """Run ``notebooks/<stem>.ipynb`` with ``parameters`` and ``output_dir`` = tmp_path/"out".

    Returns the output folder; the executed notebook is saved beside it as ``executed.ipynb``.
    """
    output_dir = tmp_path / "out"
    papermill.execute_notebook(
        str(NOTEBOOKS / f"{stem}.ipynb"), str(tmp_path / "executed.ipynb"),
        parameters={**parameters, "output_dir": str(output_dir)},
        kernel_name=KERNEL, cwd=str(NOTEBOOKS), progress_bar=False,
    )
    return output_dir
