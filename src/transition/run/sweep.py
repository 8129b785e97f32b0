"""Sweeps: a named run per grid point, ``runs/<sweep>/<variant>/``, then ``sweep.csv`` and a specification curve.

``sweep.csv`` has one row per variant (its parameters and headline numbers); ``spec_curve.png``
draws the headline value of every variant, sorted, above a matrix of the parameter values.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from transition.run import records
from transition.run.discovery import Layout, Notebook
from transition.run.execute import execute
from transition.run.jobs import Job, JobResult, new_staging_root, plan
from transition.run.problems import ParameterProblems
from transition.run.resolve import check_name, grid_combinations, variant_name

DEFAULT_COLOUR, OTHER_COLOUR = "#c0392b", "#1f618d"


@dataclass
class SweepReport:
    """The outcome of ``transition sweep``."""

    name: str
    table: Any  # pandas.DataFrame, one row per variant
    results: list[JobResult]
    wall_seconds: float
    directory: Path
    figures: list[Path]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def known_headlines(notebook: Notebook, layout: Layout) -> set[str] | None:
    """The headline keys of the notebook's committed headline file (None when there is none)."""
    try:
        return set(json.loads((Path(layout.results) / f"{notebook.stem}.json").read_text()))
    except (OSError, ValueError, TypeError):
        return None


def check_headlines(notebook: Notebook, headlines: list[str], layout: Layout) -> None:
    """Refuse, before anything runs, a ``--headline`` key (or a name in an expression) that the
    notebook's committed headline file does not have (a typo would be found after every variant ran)."""
    known = known_headlines(notebook, layout)
    if not known or not headlines:
        return
    problems = []
    for headline in headlines:
        names = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", headline.split("=", 1)[1]) if "=" in headline else [headline]
        unknown = [name for name in names if name not in known]
        if unknown:
            problems.append(f"--headline {headline}: unknown headline {', '.join(unknown)} of {notebook.stem}; "
                            f"known: {', '.join(sorted(known))}")
    if problems:
        raise ParameterProblems(problems)


def _variant_jobs(notebook: Notebook, combos: list[dict], fixed: dict, name: str, layout: Layout,
                  force: bool = False) -> list[Job]:
    staging_root = new_staging_root(layout)
    jobs = []
    for combo in combos:
        job = plan([notebook], {notebook.stem: {**fixed, **combo}}, name, layout, subfolder=variant_name(combo),
                   force=force)[0]
        job.staging_root = staging_root
        jobs.append(job)
    return jobs


def _cell(value: Any) -> Any:
    return ",".join(map(str, value)) if isinstance(value, (list, tuple)) else value


def _table(notebook: Notebook, combos, jobs, results) -> tuple[pd.DataFrame, dict[str, dict]]:
    """One row per variant (status, seconds, parameters, headline values) and the headlines' descriptions."""
    rows, descriptions = [], {}
    for combo, job, result in zip(combos, jobs, results):
        row = {"variant": job.label, "status": result.status, "seconds": result.seconds}
        row.update({key: _cell(value) for key, value in combo.items()})
        headline_file = Path(job.output_dest) / f"{notebook.stem}.json"
        if result.ok and headline_file.is_file():
            for key, entry in sorted(json.loads(headline_file.read_text()).items()):
                row[key] = entry.get("value") if isinstance(entry, dict) else entry
                descriptions.setdefault(key, entry if isinstance(entry, dict) else {})
        rows.append(row)
    return pd.DataFrame(rows), descriptions


def _derive(table: pd.DataFrame, headlines: list[str], descriptions: dict) -> list[str]:
    """Add every ``name=expression`` headline as a column; the chosen headline keys, in order."""
    chosen = []
    for headline in headlines:
        if "=" in headline:  # a derived number: name=expression over headline keys
            key, expression = (part.strip() for part in headline.split("=", 1))
            try:
                table[key] = table.eval(expression)
            except Exception as error:
                raise ParameterProblems([f"--headline {headline}: {type(error).__name__}: {error}"]) from None
            descriptions[key] = {"description": f"{key} = {expression}", "unit": ""}
            chosen.append(key)
        else:
            chosen.append(headline)
    return chosen


def sweep(notebook: Notebook, grid: dict[str, list[Any]], fixed: dict[str, Any] | None = None,
          name: str | None = None, workers: int = 1, layout: Layout = Layout(),
          progress: bool | None = None, headlines: list[str] | None = None, on_result=None,
          force: bool = False) -> SweepReport:
    """Run every combination of ``grid`` (over ``fixed`` and the defaults) as ``runs/<name>/<variant>``.

    All combinations (and the ``headlines`` keys) are checked before any runs. Writes
    ``runs/<name>/sweep.csv`` (variant, status, seconds, the grid parameters, every headline value)
    and a specification curve ``spec_curve.png`` for the first of ``headlines`` (default: the first
    headline that varies across the variants; one ``spec_curve_<key>.png`` per further key). A
    headline ``name=expression`` is computed from the others (``gap=cis_loss-cee_loss``) and added
    to the table. Variants run before with the same key come from the execution cache (``force``:
    execute them anyway).
    """
    fixed = fixed or {}
    name = name or f"sweep-{notebook.stem}"
    check_name(name)
    combos = grid_combinations(notebook, grid, fixed)
    check_headlines(notebook, headlines or [], layout)
    jobs = _variant_jobs(notebook, combos, fixed, name, layout, force)
    started = time.perf_counter()
    results = execute(jobs, workers, progress, on_result, warm=layout)
    wall = time.perf_counter() - started
    directory = Path(layout.runs) / name
    records.write_run_record(directory / "run.json", name, jobs, results, {notebook.stem: notebook}, workers,
                             wall, layout, extra={"sweep": {"notebook": notebook.stem, "grid": records.jsonable(grid),
                                                            "fixed": records.jsonable(fixed)}})
    table, descriptions = _table(notebook, combos, jobs, results)
    chosen = _derive(table, headlines or [], descriptions)
    table.to_csv(directory / "sweep.csv", index=False, lineterminator="\n")
    figures = []
    for i, key in enumerate(chosen or varying_headlines(table, list(grid))[:1]):
        if key in table.columns:
            path = directory / ("spec_curve.png" if i == 0 else f"spec_curve_{key}.png")
            spec_curve(table, key, list(grid), descriptions.get(key, {}), notebook.defaults(), path)
            figures.append(path)
    return SweepReport(name, table, results, wall, directory, figures)


def _numeric(series) -> bool:
    values = pd.to_numeric(series, errors="coerce")
    return values.notna().sum() > 0 and values.notna().sum() == series.notna().sum()


def varying_headlines(table, parameters: list[str]) -> list[str]:
    """Numeric headline columns, those that vary across the variants first."""
    fixed_columns = {"variant", "status", "seconds", *parameters}
    numeric = [c for c in table.columns if c not in fixed_columns and _numeric(table[c])]
    varying = [c for c in numeric if table[c].dropna().nunique() > 1]
    return varying + [c for c in numeric if c not in varying]


def shown_table(table: pd.DataFrame, parameters: list[str], headlines: list[str]) -> str:
    """The sweep table as text: variant, the grid parameters, and the named headlines (default: the
    first three that vary)."""
    chosen = headlines or varying_headlines(table, parameters)[:3]
    shown = ["variant", *parameters, *[c for c in chosen if c in table.columns]]
    with pd.option_context("display.width", 160, "display.max_columns", 12, "display.max_colwidth", 40):
        return table[[c for c in shown if c in table.columns]].to_string(index=False)


def _draw_values(top, data: pd.DataFrame, headline: str, colours: list[str], description: dict) -> None:
    x = range(len(data))
    top.scatter(x, data[headline], c=colours, s=36, zorder=3)
    top.plot(x, data[headline], color="0.7", lw=1, zorder=2)
    unit = description.get("unit", "")
    top.set_ylabel(f"{headline}\n({unit or 'unit not recorded'})", fontsize=8)
    label = description.get("description", headline)
    top.set_title(f"Specification curve: {label}"[:110], fontsize=10)
    top.grid(axis="y", color="0.9")
    if DEFAULT_COLOUR in colours:
        top.scatter([], [], c=DEFAULT_COLOUR, s=36, label="the notebook's defaults")
        top.scatter([], [], c=OTHER_COLOUR, s=36, label="other specifications")
        top.legend(fontsize=7, loc="best")


def _draw_matrix(bottom, data: pd.DataFrame, rows: list[tuple[str, Any]]) -> None:
    x = range(len(data))
    for j, (key, value) in enumerate(rows):
        used = [i for i, (_, row) in enumerate(data.iterrows()) if str(row[key]) == str(value)]
        bottom.scatter(used, [j] * len(used), marker="s", color="0.2", s=22, zorder=3)
    bottom.set_yticks(range(len(rows)), [f"{key} = {value}" for key, value in rows], fontsize=7)
    bottom.set_ylim(len(rows) - 0.5, -0.5)
    bottom.set_xlabel("specification (rank by the headline value, 1 = lowest)")
    bottom.set_ylabel("choice (parameter = value)", fontsize=8)
    bottom.set_xticks(list(x))
    bottom.set_xticklabels([str(i + 1) for i in x], fontsize=7)
    bottom.grid(axis="x", color="0.93")


def spec_curve(table, headline: str, parameters: list[str], description: dict, defaults: dict,
               path: Path) -> Path:
    """A specification curve: the headline value of every variant, sorted, above a matrix that marks
    each variant's parameter values (the variant with the notebook's defaults drawn in red)."""
    data = table[table["status"] == "ok"].copy()
    data[headline] = pd.to_numeric(data[headline], errors="coerce")
    data = data.dropna(subset=[headline]).sort_values([headline, "variant"]).reset_index(drop=True)
    rows = [(key, value) for key in parameters for value in dict.fromkeys(table[key].tolist())]
    height = 3.2 + 0.28 * max(len(rows), 2)
    fig = Figure(figsize=(max(6.0, 0.45 * len(data) + 3), height))
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, max(len(rows), 2) * 0.4]})

    def is_default(row) -> bool:
        return all(str(_cell(defaults.get(key))) == str(row[key]) for key in parameters if key in defaults)

    colours = [DEFAULT_COLOUR if is_default(row) else OTHER_COLOUR for _, row in data.iterrows()]
    _draw_values(top, data, headline, colours, description)
    _draw_matrix(bottom, data, rows)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    return path
