"""Command line (also ``python -m transition``): data and registry (:mod:`transition.run.cli_data`), list, run,
sweep, render, compare, multiverse, bench, readme, and the record's verify and manifest
(:mod:`transition.run.cli_record`).

Exit codes (:mod:`transition.run.problems`):

- 0 success;
- 1 a notebook failed (its cell and the error's last line are printed);
- 2 a usage or parameter problem, reported before anything ran, one line each;
- 3 raw data unavailable or not matching the registry's hash, or a folder that cannot be written
  (a full or read-only disk; nothing was replaced), or no Dask scheduler at the given address;
- 4 an unexpected error (a bug): one line; ``transition --debug …`` shows the traceback;
- 130 interrupted (Ctrl-C): nothing was replaced by a partial result.

Expected failures print at most five lines and no traceback; ``--debug`` adds the traceback.
``--help``, ``list`` and the refusal of a bad parameter import only light modules (the specs, the
notebooks' JSON): the scientific stack and papermill are imported inside the commands that execute
notebooks or read data, the one kind of import inside a function here.
"""
from __future__ import annotations

import json
import sys
import time
import traceback
import warnings
from pathlib import Path

import click

from transition.data import sources
from transition.paths import ESSAY_RUN
from transition.run import cache, cli_data, cli_record, locks, multiverse_command, record, records
from transition.run.discovery import Layout, Notebook, discover, select
from transition.run.jobs import (
    Job,
    JobResult,
    check_in_project,
    cores,
    plan,
    reuse_cached,
    worker_count,
)
from transition.run.problems import (
    EXIT_DATA,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    Failure,
    ParameterProblems,
    disk_line,
    is_disk_error,
    shown_lines,
)
from transition.run.multiverse_command import MULTIVERSE_CLAIMS
from transition.run.resolve import NAME_PATTERN, check_name, grid_combinations, parse_grid, resolve

#: A sweep of more variants than this is announced with an estimate of its duration.
LARGE_SWEEP = 50


def _layout(ctx: click.Context) -> Layout:
    return ctx.find_root().obj["layout"]


def _echo_error(lines) -> None:
    for line in shown_lines(list(lines)):
        click.echo(f"error: {line}", err=True)


def _exit_on_failures(results, name) -> None:
    """One error line per failed notebook run (``name(result)`` says which), then exit 1 (3 when the
    raw data or the disk failed a run)."""
    failures = [r for r in results if not r.ok]
    if failures:
        raise Failure([f"{name(r)}: {r.message}" for r in failures], max(r.exit_code for r in failures))


class _Group(click.Group):
    """Runs a command and turns its expected failures into a few lines and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Failure as failure:
            if _debug(ctx):
                traceback.print_exc()
            _echo_error(failure.lines)
            sys.exit(failure.code)
        except sources.SourceError as error:  # raw data or registry (also when met outside `transition data`)
            if _debug(ctx):
                traceback.print_exc()
            _echo_error(str(error).splitlines())
            sys.exit(EXIT_DATA)
        except KeyboardInterrupt:
            click.echo("interrupted: nothing was replaced by a partial result", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as error:
            if _debug(ctx):
                raise
            if is_disk_error(error):  # a full or read-only disk: not a bug
                _echo_error([disk_line(error)])
                sys.exit(EXIT_DATA)
            last = next((line for line in reversed(str(error).splitlines()) if line.strip()), "")
            _echo_error([f"internal error: {type(error).__name__}: {last}".rstrip(": "),
                         "run again with --debug (transition --debug COMMAND …) for the traceback"])
            sys.exit(EXIT_INTERNAL)


def _debug(ctx: click.Context) -> bool:
    return bool((ctx.find_root().obj or {}).get("debug"))


def _check_jobs(ctx, param, value: int) -> int:
    if value is not None and value < 1:
        raise ParameterProblems([f"-j {value}: run at least 1 notebook at a time (at most {cores()}, the cores)"])
    return value


def _workers(jobs: int, count: int) -> tuple[int, str]:
    """Workers for ``count`` notebook runs and a note when ``-j`` was capped at the core count."""
    workers = worker_count(jobs)
    note = f" (-j {jobs} capped at the {cores()} cores)" if jobs > workers else ""
    return workers, note


EXIT_CODES = ("Exit codes: 0 success; 1 a notebook failed; 2 a usage or parameter problem (nothing ran); "
              "3 raw data unavailable or not matching the registry, a full or read-only disk, or no Dask scheduler "
              "at the address; 4 an unexpected error (--debug shows the traceback); 130 interrupted (nothing replaced "
              "by a partial result).")


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.option("--debug", is_flag=True, envvar="TRANSITION_DEBUG",
              help="Show the traceback of a failure (expected failures otherwise print a few lines).")
@click.option("--notebooks-dir", type=click.Path(file_okay=False, path_type=Path), envvar="TRANSITION_NOTEBOOKS_DIR",
              hidden=True, help="Read the notebooks from here (tests).")
@click.option("--results-dir", type=click.Path(file_okay=False, path_type=Path), envvar="TRANSITION_RESULTS_DIR",
              hidden=True, help="The default run's results folder (tests).")
@click.option("--runs-dir", type=click.Path(file_okay=False, path_type=Path), envvar="TRANSITION_RUNS_DIR",
              hidden=True, help="Named runs and sweeps go here (tests).")
@click.pass_context
def main(ctx: click.Context, debug: bool, notebooks_dir, results_dir, runs_dir) -> None:
    """The post-communist transition compendium."""
    defaults = Layout()
    ctx.obj = {"debug": debug,
               "layout": Layout(notebooks=(notebooks_dir or defaults.notebooks).resolve(),
                                results=(results_dir or defaults.results).resolve(),
                                runs=(runs_dir or defaults.runs).resolve())}


def _notes(notebooks: list[Notebook]) -> None:
    """One line on stderr for each notebook read from its last good version (its file is damaged)."""
    for nb in notebooks:
        if nb.note:
            click.echo(f"note: {nb.note}", err=True)


def _listing(notebooks: list[Notebook]) -> dict:
    return {nb.stem: {"title": nb.title, "parameters": {
        name: {"default": p.default, "type": p.type, "allowed": p.allowed} for name, p in nb.parameters.items()}}
        for nb in notebooks}


@main.command(name="list")
@click.argument("notebook", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def list_(ctx: click.Context, notebook, as_json: bool) -> None:
    """Every notebook and its parameters: default, type, allowed values.

    Read from each notebook's parameters cell and its validation rules (transition.chapters.specs).
    """
    notebooks = select(discover(_layout(ctx)), notebook, runnable=False)
    _notes(notebooks)
    if as_json:
        click.echo(json.dumps(_listing(notebooks), indent=2, ensure_ascii=False))
        return
    if not notebooks:
        click.echo(f"no notebooks in {_layout(ctx).notebooks}")
    for nb in notebooks:
        click.secho(f"{nb.stem}", bold=True, nl=False)
        click.echo(f"  {nb.title}" if nb.title else "")
        if nb.problem:
            click.echo(f"    (unreadable: {nb.problem})")
        elif not nb.parameters:
            click.echo("    (no parameters cell)")
        name_width = max(len(name) for name in nb.parameters) if nb.parameters else 0
        default_width = min(max((len(p.default) for p in nb.parameters.values()), default=0), 28)
        type_width = max((len(p.type) for p in nb.parameters.values()), default=0)
        for name, p in nb.parameters.items():
            default = p.default if len(p.default) <= 28 else p.default[:25] + "..."
            click.echo(f"    {name:<{name_width}}  {default:<{default_width}}  {p.type:<{type_width}}  {p.allowed}")
        click.echo("")


_JOBS_HELP = "at once (at least 1; at most the number of cores, higher values are capped)."
_FORCE_HELP = "Execute even when the execution cache holds a run with the same key (and refresh it)."
_EXPLAIN_HELP = ("Run nothing: say for each notebook whether it would run or be reused from the execution "
                 "cache (.cache/runs/), and which part of its key changed.")


def _explain(jobs: list[Job]) -> None:
    """One line per job: ``reuse`` or ``run`` and why (:func:`transition.run.cache.explain`)."""
    width = max(len(job.label) for job in jobs)
    running_stages = set()
    for job in sorted(jobs, key=lambda job: job.stage):
        decision, why = cache.explain(job, inputs_will_change=any(s < job.stage for s in running_stages))
        if decision != "reuse":
            running_stages.add(job.stage)
        click.echo(f"{job.label:<{width}}  {decision:<6}  {why}")


@main.command()
@click.argument("notebook", nargs=-1)
@click.option("-p", "--parameter", "parameters", multiple=True, metavar="KEY=VALUE",
              help="A parameter for every selected notebook that has it; NN.KEY=VALUE for one notebook. Repeatable.")
@click.option("-f", "--parameters-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML: KEY: VALUE, and/or NN_notebook: {KEY: VALUE}. -p wins.")
@click.option("--name", help="Run into runs/NAME/. Without a name: the default run (default parameters), "
                             "which refreshes the committed notebooks and results/.")
@click.option("-j", "--jobs", default=1, show_default=True, callback=_check_jobs, help="Notebooks executed " + _JOBS_HELP)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when stderr is a terminal).")
@click.option("--force", is_flag=True, help=_FORCE_HELP)
@click.option("--explain", is_flag=True, help=_EXPLAIN_HELP)
@click.pass_context
def run(ctx: click.Context, notebook, parameters, parameters_file, name, jobs, progress, force, explain) -> None:
    """Execute notebooks through papermill (all of them when none is named).

    NOTEBOOK is a stem (02_output_paths), its number (02) or a path (that very file: the default
    run takes only the project's notebooks; another file needs --name). Parameters are checked for
    every selected notebook before anything runs. Outputs are staged and moved into place only when
    a notebook succeeds, so a failed or interrupted run never replaces a good notebook or table.

    A notebook whose code cells, parameters, destination, raw-data registry, package source and
    pinned versions are all as in a stored execution is not executed again: the stored notebook and
    outputs are put in place (.cache/runs/; delete it at any time). --explain says why each
    notebook would run or be reused; --force executes anyway. A second run into the same folder
    (the same --name, or a second default run) while one is going is refused.
    """
    layout = _layout(ctx)
    if name is not None:
        check_name(name)
    notebooks_by_stem = discover(layout)
    selected = select(notebooks_by_stem, notebook)
    _notes(selected)
    overrides = resolve(selected, parameters, parameters_file)
    if name is None:
        if any(overrides.values()):
            raise ParameterProblems(["parameters other than the defaults need a run name (--name RUN): "
                                     "the default run refreshes the committed notebooks and results/"])
        for nb in selected:
            check_in_project(nb, layout)
    if not selected:
        click.echo(f"no notebooks in {layout.notebooks}")
        return
    if explain:
        _explain(plan(selected, overrides, name, layout, force=force))
        return
    workers, note = _workers(jobs, len(selected))
    target = f"runs/{name}/" if name else "notebooks/ and results/ (default run)"
    all_notebooks = {**notebooks_by_stem, **{nb.stem: nb for nb in selected}}
    with locks.hold(layout.runs / name if name else layout.results, target):
        if not force and _all_reused(plan(selected, overrides, name, layout), name, workers, layout, all_notebooks):
            _update_manifest(layout, name)
            return
        click.echo(f"running {len(selected)} notebook(s), {workers} at a time{note}, into {target}", err=True)
        # Heavy (papermill, nbformat, pandas): imported only when notebooks are executed.
        from transition.run import execute

        report = execute.run(selected, overrides, name, workers, layout, progress=progress,
                             all_notebooks=all_notebooks, force=force)
        _update_manifest(layout, name)
    click.echo(records.summary_table(report.results, report.wall_seconds))
    if report.directory is not None:
        click.echo(f"run record: {layout.display(report.directory / 'run.json')}")
    _exit_on_failures(report.results, lambda r: r.stem)


def _update_manifest(layout: Layout, name: str | None) -> None:
    """After a run that writes into the committed record (the default run, the run as of the essay),
    bring the record's manifest up to date (results/MANIFEST.sha256; untouched when nothing changed)."""
    if name is None or name == ESSAY_RUN:
        record.write_manifest(layout)


def _all_reused(planned: list[Job], name: str | None, workers: int, layout: Layout, all_notebooks) -> bool:
    """Restore every job from the execution cache when each has a stored execution, without importing
    the execution machinery (a warm `make all` takes seconds); False when any must run (those restored
    so far stay in place, and the run reuses them again)."""
    started = time.perf_counter()
    reused = reuse_cached(planned)
    if len(reused) < len(planned):
        return False
    results: list[JobResult] = [reused[i] for i in range(len(planned))]
    wall = time.perf_counter() - started
    click.echo(records.summary_table(results, wall))
    if name is not None:
        path = layout.runs / name / "run.json"
        records.write_run_record(path, name, planned, results, all_notebooks, workers, wall, layout, keep_timings=True)
        click.echo(f"run record: {layout.display(path)}")
    return True


def _announce_sweep(nb: Notebook, count: int, workers: int, note: str, layout: Layout) -> None:
    click.echo(f"sweeping {nb.stem}: {count} variant(s), {workers} at a time{note}", err=True)
    if count > LARGE_SWEEP:
        seconds = records.read_timings(layout.runs).get(nb.stem)
        estimate = f" of about {seconds:.0f} s each: roughly {seconds * count / workers / 60:.0f} min" if seconds else ""
        click.echo(f"note: a large sweep, {count} variants{estimate} (Ctrl-C stops it; nothing is replaced "
                   "by a partial result)", err=True)


@main.command()
@click.argument("notebook")
@click.option("--grid", "grids", multiple=True, required=True, metavar="KEY=V1,V2",
              help="Values of one parameter (a bracketed list stays one value: KEY=[A,B],[C]). Repeatable.")
@click.option("-p", "--parameter", "parameters", multiple=True, metavar="KEY=VALUE",
              help="A fixed parameter for every variant. Repeatable.")
@click.option("-f", "--parameters-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML with fixed parameters.")
@click.option("--name", help="Sweep folder runs/NAME/ (default: sweep-<notebook>).")
@click.option("--headline", "headlines", multiple=True,
              help="Headline key for the specification curve (default: the first that varies), or "
                   "NAME=EXPRESSION over headline keys (gap=loss_cis-loss_cee). Repeatable.")
@click.option("-j", "--jobs", default=1, show_default=True, callback=_check_jobs, help="Variants executed " + _JOBS_HELP)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when stderr is a terminal).")
@click.option("--force", is_flag=True, help=_FORCE_HELP)
@click.pass_context
def sweep(ctx: click.Context, notebook, grids, parameters, parameters_file, name, headlines, jobs, progress,
          force) -> None:
    """Run every combination of the grid, then tabulate the headline numbers across specifications.

    Writes runs/NAME/<variant>/ per combination, runs/NAME/sweep.csv (one row per variant) and a
    specification curve runs/NAME/spec_curve.png.
    """
    layout = _layout(ctx)
    if name is not None:
        check_name(name)
    selected = select(discover(layout), [notebook])
    nb = selected[0]
    fixed = resolve(selected, parameters, parameters_file)[nb.stem]
    grid = parse_grid(nb, list(grids))
    clash = sorted(set(grid) & set(fixed))
    if clash:
        raise ParameterProblems([f"{key}: both fixed (-p) and swept (--grid)" for key in clash])
    count = len(grid_combinations(nb, grid, fixed))
    workers, note = _workers(jobs, count)
    _announce_sweep(nb, count, workers, note, layout)
    # Heavy (papermill, pandas, matplotlib): imported only when the variants are executed.
    from transition.run import sweep as sweeps

    folder = name or f"sweep-{nb.stem}"
    with locks.hold(layout.runs / folder, f"runs/{folder}/"):
        report = sweeps.sweep(nb, grid, fixed, name, workers, layout, progress, list(headlines) or None, force=force)
    click.echo(records.summary_table(report.results, report.wall_seconds))
    _show_sweep(report, grid, headlines, layout, sweeps.shown_table)
    _exit_on_failures(report.results, lambda r: r.label)


def _show_sweep(report, grid: dict, headlines, layout: Layout, shown_table) -> None:
    click.echo("")
    click.echo(shown_table(report.table, list(grid), [h.split("=", 1)[0].strip() for h in headlines]))
    click.echo(f"\nsweep table: {layout.display(report.directory / 'sweep.csv')}")
    for path in report.figures:
        click.echo(f"specification curve: {layout.display(path)}")
    rate = len(report.results) / report.wall_seconds * 60 if report.wall_seconds else float("nan")
    click.echo(f"{len(report.results)} variants in {report.wall_seconds:.1f} s ({rate:.1f} variants per minute)")


@main.command()
@click.option("--output", "output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Site folder (default: site/).")
@click.option("--ru-run", default="ru", show_default=True,
              help="Named run (runs/NAME) of Russian executions (-p lang=ru) rendered as site/ru/; skipped if absent.")
@click.pass_context
def render(ctx: click.Context, output, ru_run: str) -> None:
    """The reader's edition: a book of the executed notebooks, the claims ledger first (site/), and the
    Russian edition (site/ru/) when runs/ru/ holds one; offline, nothing executed (transition.publish.book).

    The output folder is replaced whole: it must be new, empty, or a site an earlier render wrote
    (it carries the file .transition-site); any other folder is refused and nothing is deleted."""
    from transition.publish import site_folder

    out_dir = (output or site_folder.SITE_DIR).resolve()
    site_folder.check_output(out_dir)  # never a folder it did not write: refused before anything is built
    # Heavy (Sphinx, MyST-NB): imported only by the command that renders.
    from transition.publish import book

    layout = _layout(ctx)
    started = time.perf_counter()
    ru_dir = layout.runs / ru_run
    # nbformat's notice about cells without ids (older notebooks) says nothing about the site
    warnings.filterwarnings("ignore", message="Cell is missing an id field")
    site = book.build_site(out_dir=out_dir, notebooks_dir=layout.notebooks,
                           ru_dir=ru_dir if ru_dir.is_dir() else None, quiet=True)
    editions = "English and Russian editions" if (site / "ru" / "index.html").is_file() else "English edition"
    click.echo(f"rendered the {editions} into {layout.display(site)} in {time.perf_counter() - started:.1f} s; "
               f"open {layout.display(site / 'index.html')}")


@main.command()
@click.argument("run")
@click.argument("run2", required=False)
@click.pass_context
def compare(ctx: click.Context, run: str, run2) -> None:
    """Which headline numbers and verdicts changed between two runs, old → new, as a table.

    RUN is a named run (runs/RUN/) or `default` (results/); with one RUN it is compared against the
    default run (old: default, new: RUN), with two, RUN2 against RUN. Verdicts are judged by the
    ledger's rules on the default run's headline files with the run's own in their place.
    """
    layout = _layout(ctx)

    def folder(name: str) -> Path:
        if name not in ("default", "results") and not NAME_PATTERN.fullmatch(name):
            raise ParameterProblems([f"{name[:40]!r}: not a run name (letters, digits, '.', '_', '-')"])
        path = layout.results if name in ("default", "results") else layout.runs / name
        if not path.is_dir() or not any(path.glob("[0-9][0-9]_*.json")):
            raise ParameterProblems([f"{name}: no run with headline files at {layout.display(path)} "
                                     "(named runs: transition run NN --name NAME)"])
        return path

    old_name, new_name = ("default", run) if run2 is None else (run, run2)
    old, new = folder(old_name), folder(new_name)
    # Heavy (pandas, the ledger's rules): imported only when comparing.
    from transition.publish import compare as comparing

    click.echo(comparing.report(old, new, old_name, new_name, layout.results))


@main.command()
@click.argument("claims", nargs=-1)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: Dask distributed (a LocalCluster, or --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A separately started Dask scheduler, tcp://HOST:PORT (implies --engine dask); checked first.")
@click.option("-j", "--jobs", default=2, show_default=True, callback=_check_jobs, help="Workers " + _JOBS_HELP)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N specifications of each claim (the default specification first): a partial run.")
@click.option("--name", default=None, help="A partial run's folder, runs/multiverse-NAME/ (default: named after "
                                           "its claims, limit, permutations and seed).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--permutations", type=click.IntRange(min=0), default=None,
              help="Permutations of the joint tests under the null (default: 1,000 in the full run; a partial run "
                   "tests only when this is given; 0: no joint test).")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the permutations (default 13).")
@click.pass_context
def multiverse(ctx: click.Context, claims, engine: str, scheduler, jobs: int, limit, name, progress, permutations,
               seed) -> None:
    """Every verdict across its declared space of choices (claims/spaces.py), evaluated in-process, and
    the joint test of each claim's whole curve under its null (Simonsohn et al. 2020).

    Results are stored by specification hash under runs/multiverse/ (an interrupted run resumes
    without recomputing; a changed package, data table, registry, panel or pinned version is never
    served from it). The full default run (every claim, no --limit, the default permutations and
    seed) writes results/multiverse_<claim>.csv, results/multiverse_summary.csv and
    results/multiverse_joint_tests.csv (every specification, 1,000 permutations), which notebook 09
    reads; any other run is partial and writes the same files to runs/multiverse-NAME/ only (its
    joint tests only with --permutations). CLAIMS: e.g. C1 C3 (default: every claim with a space).
    """
    from transition.run import cluster  # light: the checks below come before the heavy imports

    chosen = list(dict.fromkeys(claims)) or list(MULTIVERSE_CLAIMS)
    unknown = [claim for claim in chosen if claim not in MULTIVERSE_CLAIMS]
    if unknown:
        raise ParameterProblems([f"{claim}: no declared space; claims with one: {', '.join(MULTIVERSE_CLAIMS)}"
                                 for claim in unknown])
    if name is not None:
        check_name(name)
    if scheduler:
        cluster.probe(scheduler)
    multiverse_command.run(_layout(ctx), chosen, engine="dask" if scheduler else engine, scheduler=scheduler, jobs=jobs,
                           limit=limit, name=name, progress=sys.stderr.isatty() if progress is None else progress,
                           permutations=permutations, seed=seed, every_claim=set(chosen) == set(MULTIVERSE_CLAIMS))
    if set(chosen) == set(MULTIVERSE_CLAIMS) and limit is None and name is None and permutations is None and seed is None:
        _update_manifest(Layout(), None)  # the full default run wrote the record's multiverse tables




@main.command()
@click.option("--runs", default=5, show_default=True, help="Repetitions of the panel timings; the median is reported.")
@click.option("--panel/--no-panel", default=True, help="Time the panel build and cached load.")
@click.option("--notebooks/--no-notebooks", "notebooks", default=True,
              help="Time each notebook, the full run serial and with -j 2, and a 12-variant sweep.")
@click.option("-j", "--jobs", default=2, show_default=True, callback=_check_jobs,
              help="Parallel jobs for the parallel run and the sweep.")
@click.option("--sweep-notebook", default=None, help="Notebook for the sweep benchmark (default: chosen automatically).")
@click.option("--grid", "grids", multiple=True, metavar="KEY=V1,V2", help="Grid of the sweep benchmark.")
@click.option("--list-time/--no-list-time", default=True, help="Time `transition list` in a fresh process (target 1 s).")
@click.option("--warm-make", is_flag=True, help="Run `make all` twice in the project and time the second (target 10 s).")
@click.option("--cold", is_flag=True, help="Time the cold default run of both editions against its floor (target 1.3x).")
@click.option("--multiverse/--no-multiverse", "multiverse_time", default=True,
              help="Time the full default `transition multiverse` (-j 1 and -j 2, then on a Dask cluster of separate "
                   "processes) and its joint tests at 100, 1,000 and 10,000 permutations.")
@click.pass_context
def bench(ctx: click.Context, runs: int, panel: bool, notebooks: bool, jobs: int, sweep_notebook, grids,
          list_time: bool, warm_make: bool, cold: bool, multiverse_time: bool) -> None:
    """Time the panel, each notebook, the full run serial vs -j 2, a 12-variant sweep and the multiverse;
    with --warm-make and --cold, the targets of a warm `make all` and of the cold run against its floor.

    Runs go to a temporary folder (never results/ or the committed notebooks) and bypass the
    execution cache; the numbers are printed as a table and merged into results/benchmarks.json.
    """
    # Heavy (papermill, pandas): imported only by the command that times the runs.
    from transition.run import bench as benchmarks
    from transition.run import targets

    results, errors = {}, []
    if list_time:
        results.update(targets.time_list())
    if warm_make:
        results.update(targets.time_warm_make(_layout(ctx).root))
    if panel:
        results.update(benchmarks.time_panel(runs))
    if notebooks:
        results.update(benchmarks.time_notebooks(_layout(ctx), jobs=jobs, sweep_notebook=sweep_notebook,
                                                 grid=list(grids)))
    if cold:
        cold_results, errors = targets.time_cold_run(_layout(ctx), jobs)
        results.update(cold_results)
    if multiverse_time:
        results.update(benchmarks.time_multiverse(jobs))
    errors += results.pop("errors", [])
    click.echo(benchmarks.table(results))
    if errors:
        raise Failure([*errors, "runs failed: results/benchmarks.json left as it was"])
    benchmarks.write(results)
    _update_manifest(Layout(), None)
    click.echo("merged into results/benchmarks.json")


@main.command()
@click.option("--check", is_flag=True, help="Only check that the generated blocks are current (exit 1 if not).")
def readme(check: bool) -> None:
    """Rewrite README.md's generated blocks (verdicts, run times, table and figure map) from results/."""
    # Heavy (pandas): imported only by the command that reads the results.
    from transition.publish import manifest

    current = manifest.README_PATH.read_text(encoding="utf-8")
    updated = manifest.update_readme(current)
    if check:
        if updated != current:
            raise Failure(["README.md is out of date: run `transition readme`"])
        click.echo("README.md is current")
        return
    manifest.README_PATH.write_text(updated, encoding="utf-8")
    click.echo("README.md: generated blocks rewritten")


for _command in (*cli_data.COMMANDS, *cli_record.COMMANDS):  # data, registry; verify, manifest
    main.add_command(_command)


if __name__ == "__main__":
    main()
