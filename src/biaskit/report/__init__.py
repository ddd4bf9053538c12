"""Reports people look at: a self-contained HTML report and a terminal ``explain`` view.

- ``biaskit.report.html``: the ``html`` output format (``biaskit score … -f html``), one file
  with no external resources: every span highlighted in its dimension's colour with its reason,
  score bars, a legend and, for a corpus, histograms, a sortable table and breakdowns by
  metadata field.
- ``biaskit.report.explain``: ``biaskit explain FILE``, the same evidence in the terminal.
- ``biaskit.report.segments``: how overlapping and nested spans become highlightable pieces.

Nothing here imports a scorer or a heavy library; the modules are safe to import from the CLI.
"""
