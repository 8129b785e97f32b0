"""The body of ``transition multiverse`` once its request is checked (light to import: the engine, pandas and
Dask are imported inside :func:`run`).

Where a run writes (:func:`target`): the full default run (every claim with a space, no ``--limit``, the
default permutations and seed) into ``results/``; any other run, a partial one, into
``runs/multiverse-NAME/``, with its joint tests only when ``--permutations`` is given.
"""
from __future__ import annotations

import time
from pathlib import Path

import click

from transition.run.discovery import Layout
from transition.run.jobs import cores, worker_count

#: The claims with a declared space (``SPACES`` of claims/spaces.py, in its order), named here so that an
#: unknown claim is refused before the scientific stack is imported; a test keeps the two equal.
MULTIVERSE_CLAIMS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10")


def target(layout: Layout, chosen: list[str], every_claim: bool, limit, name, permutations, seed,
           defaults: tuple[int, int]) -> tuple[Path, bool]:
    """(folder, full): results/ for the full default run, else runs/multiverse-NAME/."""
    full = every_claim and limit is None and permutations in (None, defaults[0]) and seed in (None, defaults[1])
    if full:
        return layout.results, True
    if name is None:
        parts = ["all" if every_claim else "-".join(chosen)]
        parts += [f"limit{limit}"] if limit else []
        parts += [f"perm{permutations}"] if permutations is not None else []
        parts += [f"seed{seed}"] if seed is not None else []
        name = "-".join(parts)
    return layout.runs / f"multiverse-{name}", False


def run(layout: Layout, chosen: list[str], *, engine, scheduler, jobs, limit, name, progress,
        permutations, seed, every_claim: bool) -> None:
    """Evaluate, write the tables and (the full run, or with ``--permutations``) the joint tests; print a summary."""
    # Heavy (pandas, the analysis, optionally Dask): imported only once the request is checked.
    from transition.analysis.speccurve import SEED
    from transition.claims.nulls import N_PERMUTATIONS, NULLS, TESTS_FILE
    from transition.run import multiverse as engine_module

    folder, full = target(layout, chosen, every_claim, limit, name, permutations, seed, (N_PERMUTATIONS, SEED))
    store = layout.runs / "multiverse"
    workers = worker_count(jobs)
    note = f" (-j {jobs} capped at the {cores()} cores)" if jobs > workers else ""
    report = engine_module.run(chosen, engine=engine, jobs=workers, scheduler=scheduler, limit=limit, store=store,
                               progress=progress)
    for line in report.notes:
        click.echo(line, err=True)
    table = engine_module.write_results(chosen, store, folder, limit=limit)
    done = sum(report.evaluated.values())
    rate = f" ({done / report.seconds * 60:,.0f} per minute)" if done and report.seconds else ""
    memory = (f"; workers' peak memory {report.worker_peak_mib[0]:.0f} MiB after their first batch, "
              f"{report.worker_peak_mib[1]:.0f} MiB at most" if report.worker_peak_mib else "")
    click.echo(f"{done} specifications evaluated, {sum(report.reused.values())} reused from the store, "
               f"in {report.seconds:.1f} s{rate}{note}{memory}")
    click.echo(table.to_string(index=False))
    tested = N_PERMUTATIONS if full else permutations
    if tested and set(chosen) & set(NULLS):
        started = time.perf_counter()
        tests = engine_module.write_joint_tests(chosen, store, folder, tested, SEED if seed is None else seed,
                                                limit=limit)
        click.echo(f"joint tests over every specification ({tested:,} permutations) in "
                   f"{time.perf_counter() - started:.1f} s → {layout.display(folder / TESTS_FILE)}")
        click.echo(tests.drop(columns=["null"]).round(3).to_string(index=False))
    where = layout.display(folder)
    click.echo(f"tables → {where}/" + ("" if full else " (a partial run: results/ is written only by the full "
                                                         "default run, `transition multiverse`)"))
