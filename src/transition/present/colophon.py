"""The colophon every notebook ends with: what produced it, named in a way the notebook can know.

- **Inputs**: the SHA-256 (first 12 hex digits) of the notebook's code cells, its parameters (the
  values its parameter check accepted), the data (registry and data tables), the package and the
  pins (``constraints.txt``) — the parts of the execution cache's key (:mod:`transition.fingerprint`),
  so a reader can tell whether a committed notebook was made from the tree beside it
  (``transition verify`` does);
- **Commit**: the last commit that changed the package, the data or the pins, only while none of
  them has uncommitted changes (:func:`transition.fingerprint.inputs_commit`); never the commit that
  will hold the notebook (a file cannot name its own commit) and never a "+dirty" one;
- Python and package versions, and the hashes of the raw files read.

Nothing about the machine or the moment (no run date, no absolute path, no duration): running an
unchanged notebook gives the same bytes, from a fresh clone as from the tree that committed it.
"""
from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from transition import fingerprint
from transition.data.sources import load_registry
from transition.paths import NOTEBOOK_ENV, NOTEBOOKS_DIR
from transition.present import run_folder

#: Packages whose versions the colophon reports.
COLOPHON_PACKAGES = ["pandas", "numpy", "statsmodels", "linearmodels", "matplotlib", "seaborn", "pandera",
                     "papermill", "pyreadr", "python-calamine", "country_converter"]
#: The inputs the colophon names, in its order: (name shown, part of the cache key).
INPUTS = (("code", "code"), ("parameters", "parameters"), ("data", "data"), ("package", "package"),
          ("pins", "constraints"))
UNKNOWN = "not known"


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _notebook_file(stem: str) -> Path:
    """The notebook being run: named by the runner (``TRANSITION_NOTEBOOK``), else the project's own."""
    named = os.environ.get(NOTEBOOK_ENV)
    return Path(named) if named else NOTEBOOKS_DIR / f"{stem}.ipynb"


def input_hashes(stem: str | None = None) -> dict[str, str]:
    """Cache-key part → full SHA-256 of this run's inputs (``stem``: the notebook checked last in
    this process); code and parameters are :data:`UNKNOWN` when no parameter check has run."""
    if stem is None:
        stem = next(reversed(run_folder.CHECKED), None)
    hashes = {"code": UNKNOWN, "parameters": UNKNOWN, "data": fingerprint.data_digest(),
              "package": fingerprint.package_digest(), "constraints": fingerprint.constraints_digest()}
    if stem is not None and stem in run_folder.CHECKED:
        hashes["parameters"] = fingerprint.parameters_digest(run_folder.CHECKED[stem])
        try:
            hashes["code"] = fingerprint.code_digest(_notebook_file(stem))
        except (OSError, ValueError):
            pass
    return hashes


def inputs_line(hashes: dict[str, str]) -> str:
    shown = ", ".join(f"{label} `{hashes[part][:fingerprint.SHOWN]}`" if hashes[part] != UNKNOWN
                      else f"{label} {UNKNOWN}" for label, part in INPUTS)
    return f"- Inputs (SHA-256, the parts of the execution cache's key): {shown}"


def colophon(sources: list[str]) -> str:
    """Markdown colophon: the inputs' hashes, the commit when honest, versions, the raw files' hashes."""
    registry = load_registry()
    rows = [f"| `{entry.id}` | `{entry.sha256[:16]}…` |" for entry in registry.values() if entry.source in sources]
    packages = ", ".join(f"{name} {_version(name)}" for name in COLOPHON_PACKAGES)
    commit = fingerprint.inputs_commit()
    lines = ["**Colophon.**", "", inputs_line(input_hashes())]
    if commit:
        lines.append(f"- Commit: `{commit}`, the last commit that changed the package, the data or the pins "
                     "(none changed since)")
    return "\n".join([
        *lines,
        f"- Python {platform.python_version()}; packages: {packages}",
        f"- Raw files read ({len(rows)}), SHA-256 as verified on fetch:", "",
        "| file | sha256 |", "|---|---|", *rows,
    ])
