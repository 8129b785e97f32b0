"""The commands of the committed record: ``transition verify`` and ``transition manifest`` (light).

Registered on the command line of :mod:`transition.run.cli`; expected failures are raised as
:class:`~transition.run.problems.Failure` (a few lines, no traceback, exit 1).
"""
from __future__ import annotations

import click

from transition.run import record
from transition.run.jobs import cores, worker_count
from transition.run.problems import Failure, ParameterProblems

#: Files that do not reproduce shown by default (then "… and N more").
SHOWN = 3


def _layout(ctx: click.Context):
    return ctx.find_root().obj["layout"]


def _check_jobs(ctx, param, value: int) -> int:
    if value is not None and value < 1:
        raise ParameterProblems([f"-j {value}: run at least 1 notebook at a time (at most {cores()}, the cores)"])
    return value


@click.command()
@click.option("-j", "--jobs", default=2, show_default=True, callback=_check_jobs,
              help="Notebooks executed at once (at least 1; at most the number of cores, higher values are capped).")
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when stderr is a terminal).")
@click.option("--all", "show_all", is_flag=True, help=f"List every file that does not reproduce (default: the first {SHOWN}).")
@click.pass_context
def verify(ctx: click.Context, jobs: int, progress, show_all: bool) -> None:
    """Does the committed record reproduce byte for byte? Nothing in place is written.

    Checks every file of the record (notebooks/NN_*.ipynb, results/, runs/as_of_2002/NN_*.json)
    against its manifest (results/MANIFEST.sha256), then re-executes the default run and the run as
    of the essay through the execution cache (a notebook whose inputs are unchanged since a stored
    execution is not run again) into a temporary folder and compares each file it writes with the
    committed one. One line per file that does not reproduce, saying what differs; exit 1 then.
    """
    from transition.run import verify as verification  # heavy: papermill

    workers = worker_count(jobs)
    click.echo(f"verifying the record: re-executing it through the execution cache, {workers} at a time", err=True)
    report = verification.verify(_layout(ctx), workers, progress)
    if report.ok:
        click.echo(f"verify: {report.summary()}")
        return
    lines = report.lines()
    if show_all:
        for line in lines:
            click.echo(line)
        raise Failure([f"verify: {report.summary()}"])
    shown = lines if len(lines) <= SHOWN + 1 else [*lines[:SHOWN], f"… and {len(lines) - SHOWN} more (--all lists them)"]
    raise Failure([f"verify: {report.summary()}", *shown])


@click.command(name="manifest")
@click.pass_context
def manifest_(ctx: click.Context) -> None:
    """Rewrite the record's manifest (results/MANIFEST.sha256: the SHA-256 of every file of the record)
    from the files as they are; untouched when nothing changed. `make all` runs it."""
    layout = _layout(ctx)
    changed = record.write_manifest(layout)
    count = len(record.record_files(layout))
    click.echo(f"{layout.display(record.manifest_path(layout))}: {count} files{' (rewritten)' if changed else ', unchanged'}")


COMMANDS = (verify, manifest_)
