"""Where a run goes, decided by the notebook itself: ``results/`` is the default run's, and only its.

Whoever executes a notebook (``transition run``, plain papermill, JupyterLab, ``jupyter nbconvert
--execute``), its parameter check (:meth:`~transition.chapters.parameters.ParameterSpec.check`, the
notebook's validation cell) compares the values with the notebook's own defaults (its ``parameters``
cell, read from ``notebooks/<stem>.ipynb``) and calls :func:`place_run`:

- the default parameters, ``output_dir`` None: ``results/``, as before, and nothing is said;
- other parameters, ``output_dir`` None: a folder of the run's own, ``runs/<stem>-<hash>/`` (the hash
  of the changed values, so that the same choice goes to the same folder), which
  :class:`~transition.present.outputs.Outputs` then writes into; the validation cell says so in its
  output, the notebook's first;
- other parameters with an ``output_dir`` that is ``results/`` or inside it: refused, as a parameter
  problem;
- an explicit ``output_dir`` elsewhere: that folder, as asked.

The runner's own staging (``TRANSITION_STAGING_DIR``) always wins: its default run has the default
parameters and its named runs an ``output_dir``. Light: the standard library only.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transition.present.parameters_cell import notebook_defaults
from transition.fingerprint import digest, jsonable
from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RESULTS_DIR, RUNS_DIR, STAGING_ENV

#: Parameters that say where a run goes, not what it computes.
PLACEMENT_PARAMETERS = ("output_dir",)
#: Notebook stem → the folder of this process's run with other than the default parameters.
OWN_FOLDERS: dict[str, Path] = {}
#: Notebook stem → the values its parameter check accepted last in this process (the colophon's
#: ``parameters`` hash).
CHECKED: dict[str, dict[str, Any]] = {}
TEXTS = {
    "en": ("Parameters other than the defaults: this run writes its tables, figures and headline numbers to",
           "not to results/, which holds the default run only. Changed:"),
    "ru": ("Параметры отличаются от значений по умолчанию: таблицы, рисунки и ключевые числа этого расчёта "
           "записываются в", "а не в results/, где хранится только расчёт по умолчанию. Изменены:"),
}


def changed_parameters(values: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The values that differ from the defaults (a list and a tuple of the same items are the same),
    leaving out where the run goes (:data:`PLACEMENT_PARAMETERS`) and parameters without a known default."""
    return {name: value for name, value in values.items()
            if name not in PLACEMENT_PARAMETERS and name in defaults and jsonable(value) != jsonable(defaults[name])}


def own_folder(stem: str, changed: dict[str, Any]) -> Path:
    """``runs/<stem>-<hash>/``: the folder of a run with the ``changed`` values, the same for the same values."""
    return RUNS_DIR / f"{stem}-{digest([jsonable(changed)])[:10]}"


def _inside_results(output_dir: str) -> bool:
    folder = Path(output_dir)
    folder = (folder if folder.is_absolute() else PROJECT_ROOT / folder).resolve()
    return folder == RESULTS_DIR.resolve() or folder.is_relative_to(RESULTS_DIR.resolve())


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


@dataclass
class Placement:
    """Where one run goes: ``folder`` (None: as ``output_dir`` says), the values that differ from the
    defaults, and the problems that refuse it."""

    stem: str
    changed: dict[str, Any] = field(default_factory=dict)
    folder: Path | None = None
    problems: list[str] = field(default_factory=list)

    def note(self, lang: str = "en") -> str:
        """The Markdown sentence the validation cell shows when the run has a folder of its own."""
        before, after = TEXTS.get(lang, TEXTS["en"])
        changed = ", ".join(f"`{name} = {_shown(value)}`" for name, value in self.changed.items())
        return f"**{before}** `{self.folder.relative_to(PROJECT_ROOT).as_posix()}/`, {after} {changed}."


def place_run(stem: str, values: dict[str, Any], defaults: dict[str, Any] | None = None) -> Placement:
    """Decide where the run of notebook ``stem`` with ``values`` goes, and remember it for
    :class:`~transition.present.outputs.Outputs` (``defaults``: read from ``notebooks/<stem>.ipynb``
    when not given; a notebook without that file keeps ``output_dir`` as it is)."""
    if defaults is None:
        defaults = notebook_defaults(NOTEBOOKS_DIR / f"{stem}.ipynb") or {}
    placement = Placement(stem, changed_parameters(values, defaults))
    OWN_FOLDERS.pop(stem, None)
    CHECKED[stem] = dict(values)
    output_dir = values.get("output_dir")
    if not placement.changed or os.environ.get(STAGING_ENV):
        return placement
    if output_dir not in (None, ""):
        if isinstance(output_dir, str) and _inside_results(output_dir):
            placement.problems.append(
                f"output_dir = {output_dir!r}: results/ holds the default run only, and this run changes "
                f"{', '.join(placement.changed)}; leave output_dir None (the run then goes to runs/{stem}-…/) "
                "or give another folder")
        return placement
    placement.folder = own_folder(stem, placement.changed)
    OWN_FOLDERS[stem] = placement.folder
    return placement


def announce(placement: Placement, lang: str = "en") -> None:
    """Show the placement's note as the cell's output, inside a Jupyter kernel (elsewhere: nothing)."""
    if placement.folder is None:
        return
    try:
        from IPython import get_ipython
        from IPython.display import Markdown, display
    except ImportError:
        return
    if get_ipython() is None:
        return
    display(Markdown(placement.note(lang)))
