"""environment.yml (conda, Binder) and pyproject.toml + constraints.txt describe one environment."""
from __future__ import annotations

import re
import tomllib

import yaml

from transition.paths import PROJECT_ROOT


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_packages() -> set[str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    return {_normalise(re.split(r"[<>=!\[ ;]", name)[0]) for name in names} - {project["name"]}  # extras of itself


def _conda_packages() -> dict[str, str]:
    spec = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pinned = [d for d in spec["dependencies"] if isinstance(d, str) and d.split("=")[0] not in ("python", "pip")]
    return {_normalise(d.split("=")[0]): d.split("=")[1] for d in pinned}


def _constraints() -> dict[str, str]:
    lines = (PROJECT_ROOT / "constraints.txt").read_text().splitlines()
    return {_normalise(line.split("==")[0]): line.split("==")[1] for line in lines if "==" in line}


def test_environment_yml_names_the_same_packages_as_pyproject():
    assert set(_conda_packages()) == _pyproject_packages()


def test_every_package_is_pinned_to_the_same_version_everywhere():
    constraints = _constraints()
    for name, version in _conda_packages().items():
        assert constraints.get(name) == version, name


def test_environment_yml_installs_the_project_itself():
    spec = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    assert "--editable ." in pip_section
