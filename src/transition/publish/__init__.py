"""The publishing room: what turns the executed record into what a reader gets.

- :mod:`~transition.publish.book` builds the book (both editions) with Sphinx and MyST-NB;
  :mod:`~transition.publish.extension` is its Sphinx extension (notebooks prepared as they are read),
  :mod:`~transition.publish.figures` numbers and captions the figures per chapter,
  :mod:`~transition.publish.catalogue` and :mod:`~transition.publish.findings_locale` translate it,
  :mod:`~transition.publish.provenance` says where each table and figure came from,
  :mod:`~transition.publish.book_html` keeps HTML out of the Markdown,
  :mod:`~transition.publish.site_folder` swaps the site whole;
- :mod:`~transition.publish.explorer` writes the multiverse explorer (``explore.html``) from the
  multiverse tables;
- :mod:`~transition.publish.manifest` maps every result to the notebook cell that makes it and
  writes the README's generated blocks; :mod:`~transition.publish.compare` says what changed between
  two runs.

Execution (running notebooks, caching, sweeps, the multiverse) stays in :mod:`transition.run`; this
room only reads what a run wrote.
"""
