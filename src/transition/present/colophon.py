"""The colophon every notebook ends with: commit, Python and package versions, raw-file hashes.

It says what the results depend on and nothing about the machine or the moment, so that running an
unchanged notebook from a clean checkout gives the same bytes: no run date (papermill's metadata
keeps the timing of a run), no absolute path, and the commit is marked ``+dirty`` only when files
other than the generated ones are modified — the executed notebooks (``notebooks/*.ipynb``),
``results/`` and ``runs/`` are what a run rewrites, so their changes do not count (see
:data:`GENERATED`).
"""
from __future__ import annotations

import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version

from transition.data.sources import load_registry
from transition.paths import PROJECT_ROOT

#: Packages whose versions the colophon reports.
COLOPHON_PACKAGES = ["pandas", "numpy", "statsmodels", "linearmodels", "matplotlib", "seaborn", "pandera",
                     "papermill", "pyreadr", "python-calamine", "country_converter"]
#: Paths (git pathspecs) a run regenerates: changes there do not make the commit "+dirty".
GENERATED = ("notebooks/*.ipynb", "results", "runs")


def git_commit() -> str:
    """The project's current git commit, with '+dirty' when tracked files other than the generated
    ones (:data:`GENERATED`) have uncommitted changes; 'unknown' outside a git checkout."""
    excluded = [f":(exclude){spec}" for spec in GENERATED]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=PROJECT_ROOT, text=True,
                                capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".", *excluded],
                               cwd=PROJECT_ROOT, text=True, capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def colophon(sources: list[str]) -> str:
    """Markdown colophon: git commit, Python and package versions, the hashes of the raw files used."""
    registry = load_registry()
    rows = [f"| `{entry.id}` | `{entry.sha256[:16]}…` |" for entry in registry.values() if entry.source in sources]
    packages = ", ".join(f"{name} {_version(name)}" for name in COLOPHON_PACKAGES)
    return "\n".join([
        "**Colophon.**", "",
        f"- Commit: `{git_commit()}`; Python {platform.python_version()}",
        f"- Packages: {packages}",
        f"- Raw files read ({len(rows)}), SHA-256 as verified on fetch:", "",
        "| file | sha256 |", "|---|---|", *rows,
    ])
