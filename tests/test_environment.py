"""environment.yml (conda), binder/ (Binder) and pyproject.toml + constraints.txt describe one environment,
and every install route registers the Jupyter kernel the notebooks name."""
from __future__ import annotations

import json
import re
import shlex
import tomllib

import yaml
from packaging.specifiers import SpecifierSet

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT

KERNEL = "transition"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_packages() -> set[str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    return {_normalise(re.split(r"[<>=!\[ ;]", name)[0]) for name in names} - {project["name"]}  # extras of itself


def _conda_packages(path=PROJECT_ROOT / "environment.yml") -> dict[str, str]:
    """name → version spec ('' when unpinned; '==x' for a conda pin 'name=x'; '>=a,<b' for a range)."""
    spec = yaml.safe_load(path.read_text())
    packages = {}
    for entry in spec["dependencies"]:
        if not isinstance(entry, str):
            continue
        name, version = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", entry).groups()
        if name in ("python", "pip"):
            continue
        packages[_normalise(name)] = "==" + version.lstrip("=") if re.match(r"^=?=?\d", version) else version.replace(" ", "")
    return packages


def _constraints() -> dict[str, str]:
    lines = (PROJECT_ROOT / "constraints.txt").read_text().splitlines()
    return {_normalise(line.split("==")[0]): line.split("==")[1] for line in lines if "==" in line}


def _split(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:  # an unbalanced quote in a Makefile line that is not a command of interest
        return line.split()


def _commands(text: str) -> list[list[str]]:
    return [_split(line.strip().lstrip("\t@")) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _registers_kernel(command: list[str], kernel_var: dict[str, str] | None = None) -> bool:
    words = [(kernel_var or {}).get(word, word) for word in command]
    if "ipykernel" not in words or "install" not in words[words.index("ipykernel"):]:
        return False
    return "--name" in words and words[words.index("--name") + 1] == KERNEL


def test_environment_yml_names_the_same_packages_as_pyproject():
    assert set(_conda_packages()) == _pyproject_packages()


def test_every_conda_version_holds_the_pinned_version():
    """conda-forge lacks some exact PyPI releases: a range is allowed, but it must hold the pin of
    constraints.txt, and a version given exactly must equal it."""
    constraints = _constraints()
    for name, spec in _conda_packages().items():
        assert name in constraints, name
        assert spec, f"{name}: give a version range holding {constraints[name]}"
        assert constraints[name] in SpecifierSet(spec), f"{name}: {spec} does not hold {constraints[name]}"


def test_environment_yml_installs_the_project_itself():
    spec = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    assert "--editable ." in pip_section


def test_binder_installs_the_pinned_project():
    spec = yaml.safe_load((PROJECT_ROOT / "binder" / "environment.yml").read_text())
    assert "pip" in spec["dependencies"]
    installs = [c for c in _commands((PROJECT_ROOT / "binder" / "postBuild").read_text()) if "install" in c and "pip" in c]
    assert any("-c" in c and "constraints.txt" in c and "-e" in c for c in installs)


def test_both_install_routes_register_the_notebooks_kernel():
    kernels = {json.loads(path.read_text())["metadata"]["kernelspec"]["name"] for path in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")}
    assert kernels == {KERNEL}
    post_build = _commands((PROJECT_ROOT / "binder" / "postBuild").read_text())
    assert any(_registers_kernel(c) for c in post_build), "binder/postBuild does not register the kernel"
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    kernel_var = {"$(KERNEL)": re.search(r"^KERNEL\s*:?=\s*(\S+)", makefile, re.MULTILINE).group(1)}
    assert any(_registers_kernel(c, kernel_var) for c in _commands(makefile)), "the Makefile does not register the kernel"
