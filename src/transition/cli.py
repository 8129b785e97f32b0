"""Command line (also ``python -m transition``): data, registry, bench."""
from __future__ import annotations

import time
from pathlib import Path

import click


@click.group()
def main() -> None:
    """The post-communist transition compendium."""


@main.command()
@click.option("--rebuild", is_flag=True, help="Rebuild the panel even if the cache is current.")
def data(rebuild: bool) -> None:
    """Fetch and verify every raw file, build the panel, write the variable dictionary, print coverage."""
    import pandas as pd

    from transition import panel, sources

    registry = sources.load_registry()
    started = time.perf_counter()
    for file_id in registry:
        sources.fetch(file_id, registry)  # verifies the hash of every file, even on a cache hit
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


@main.command()
@click.option("--from-sources-csv", "sources_csv", type=click.Path(exists=True, path_type=Path), required=True,
              help="A SOURCES.csv table (source_id, file, bytes, sha256, origin, license, citation, url).")
def registry(sources_csv: Path) -> None:
    """Regenerate data/sources.toml from a SOURCES.csv table, deliberately; review the diff after."""
    from transition import sources

    current = sources.load_registry()
    descriptions = {entry.source: entry.description for entry in current.values()}
    sources.REGISTRY_PATH.write_text(sources.registry_from_sources_csv(sources_csv, descriptions), encoding="utf-8")
    updated = sources.load_registry()
    changed = sorted(key for key in updated if key not in current or updated[key] != current[key])
    click.echo(f"{len(updated)} files in the registry; {len(changed)} new or changed: review with git diff")


@main.command()
@click.option("--runs", default=5, show_default=True, help="Repetitions; the median is reported.")
def bench(runs: int) -> None:
    """Time the panel build from raw files and the cached load; write results/benchmarks.json."""
    from transition import bench as benchmarks

    results = benchmarks.time_panel(runs)
    for name in ("panel_build_seconds", "panel_cached_load_seconds"):
        entry = results[name]
        verdict = "meets" if entry["median"] <= entry["target"] else "MISSES"
        click.echo(f"{name}: median {entry['median']} s over {runs} runs ({verdict} target {entry['target']} s)")
    benchmarks.write(results)


if __name__ == "__main__":
    main()
