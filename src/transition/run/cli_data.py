"""The data commands: ``transition data`` (fetch and verify every raw file, build the panel) and
``transition registry`` (regenerate ``data/sources.toml`` from a SOURCES.csv table).

Registered on the command line of :mod:`transition.run.cli`; expected failures are raised as
:class:`~transition.run.problems.Failure` (a few lines, no traceback).
"""
from __future__ import annotations

import time
from pathlib import Path

import click

from transition.data import sources
from transition.run.problems import EXIT_DATA, Failure


@click.command()
@click.option("--rebuild", is_flag=True, help="Rebuild the panel even if the cache is current.")
def data(rebuild: bool) -> None:
    """Fetch and verify every raw file, build the panel, write the variable dictionary, print coverage."""
    # Heavy (pandas, pandera): imported only by the command that builds the panel.
    import pandas as pd

    from transition.data import panel

    registry = sources.load_registry()
    started = time.perf_counter()
    try:
        for file_id in registry:
            sources.fetch(file_id, registry)  # verifies the hash of every file, even on a cache hit
    except sources.SourceError as error:
        raise Failure(str(error).splitlines(), EXIT_DATA) from error
    click.echo(f"verified {len(registry)} raw files in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    tidy = panel.load(rebuild=rebuild)
    click.echo(f"panel: {len(tidy):,} values, {tidy['variable'].nunique()} variables, "
               f"{tidy['iso3'].nunique()} codes, loaded in {time.perf_counter() - started:.2f} s")
    dictionary = panel.variable_dictionary(tidy)
    dictionary.to_csv(panel.VARIABLES_CSV, index=False, lineterminator="\n")
    click.echo(f"wrote {panel.VARIABLES_CSV.relative_to(panel.VARIABLES_CSV.parents[1])} ({len(dictionary)} variables)")
    with pd.option_context("display.width", 120, "display.max_columns", 10):
        click.echo(panel.coverage(tidy).to_string())


@click.command()
@click.option("--from-sources-csv", "sources_csv", type=click.Path(exists=True, path_type=Path), required=True,
              help="A SOURCES.csv table (source_id, file, bytes, sha256, origin, license, citation, url).")
def registry(sources_csv: Path) -> None:
    """Regenerate data/sources.toml from a SOURCES.csv table, deliberately; review the diff after."""
    try:
        current = sources.load_registry()
    except sources.RegistryError:  # the registry being replaced has entries it refuses: no descriptions kept
        current = {}
    descriptions = {entry.source: entry.description for entry in current.values()}
    sources.REGISTRY_PATH.write_text(sources.registry_from_sources_csv(sources_csv, descriptions), encoding="utf-8")
    updated = sources.load_registry()
    changed = sorted(key for key in updated if key not in current or updated[key] != current[key])
    click.echo(f"{len(updated)} files in the registry; {len(changed)} new or changed: review with git diff")


#: The commands this module adds to ``transition``.
COMMANDS = (data, registry)
