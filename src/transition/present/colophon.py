"""The colophon every notebook ends with: commit, package versions, raw-file hashes, run date."""
from __future__ import annotations

import datetime
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version

from transition.data.sources import load_registry
from transition.paths import PROJECT_ROOT

#: Packages whose versions the colophon reports.
COLOPHON_PACKAGES = ["pandas", "numpy", "statsmodels", "linearmodels", "matplotlib", "seaborn", "pandera",
                     "papermill", "pyreadr", "python-calamine", "country_converter"]


def git_commit() -> str:
    """The project's current git commit (with '+dirty' for uncommitted changes), or 'unknown'."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=PROJECT_ROOT, text=True,
                                capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=PROJECT_ROOT,
                               text=True, capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def colophon(sources: list[str]) -> str:
    """Markdown colophon: git commit, package versions, the hashes of the raw files used, run date."""
    def _version(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    registry = load_registry()
    rows = [f"| `{entry.id}` | `{entry.sha256[:16]}…` |" for entry in registry.values() if entry.source in sources]
    packages = ", ".join(f"{name} {_version(name)}" for name in COLOPHON_PACKAGES)
    run_date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    return "\n".join([
        "**Colophon.**", "",
        f"- Commit: `{git_commit()}`; run {run_date} UTC; Python {platform.python_version()}",
        f"- Packages: {packages}",
        f"- Raw files read ({len(rows)}), SHA-256 as verified on fetch:", "",
        "| file | sha256 |", "|---|---|", *rows,
    ])
