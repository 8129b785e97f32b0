"""The post-communist transition compendium: data registry, panel, and analyses.

Modules follow the stages of the study:

- :mod:`transition.data.sources` — registry of raw files, hash-verified fetching;
- :mod:`transition.data.countries` — the 29 economies, groups, name → ISO3 mapping, definition breaks;
- :mod:`transition.data.loaders` — one reader per raw source, each returning a tidy table;
- :mod:`transition.data.derived` — reform-area indices, real GDP index with splicing, inflation;
- :mod:`transition.data.panel` — the validated country-year panel, cached as parquet.
"""
__version__ = "0.1.0"
