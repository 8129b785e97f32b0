"""The post-communist transition compendium: data registry, panel, analyses, claims, chapters and runs.

The package is layered; imports flow one way, run → chapters → (claims, analysis, present) → data:

- :mod:`transition.data` — raw-file registry and hash-verified fetching (``sources``), one reader per
  source (``loaders``), the economies and their groups (``countries``), derived series, the validated
  country-year ``panel`` (cached as parquet), and a pandas-free ``vocabulary`` (country lists, key
  years, GDP sources) for the light parameter specs;
- :mod:`transition.analysis` — pure computation: tables in, tables out (sequencing, stabilization,
  output paths, growth, resources, trade, integration); every threshold an argument with a named default;
- :mod:`transition.claims` — the essay's claims, their verdict rules and thresholds, the ledger;
- :mod:`transition.present` — beside the others: labels (English/Russian), output records (tables,
  headlines, figures), text helpers, style;
- :mod:`transition.chapters` — one module per notebook (figures, headline rows, findings text), the
  parameter rules (``parameters``) and every notebook's spec in one light module (``specs``);
- :mod:`transition.run` — the command line (``cli``) and what it drives: finding notebooks and their
  parameters (``discovery``), typed and checked values (``resolve``), the jobs of a run (``jobs``),
  execution in worker processes (``worker``, ``execute``), run records (``records``), sweeps
  (``sweep``), the site, benchmarks and the README manifest.
"""
__version__ = "0.1.0"
