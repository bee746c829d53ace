"""Drawing: the charts and the PDF writer. They are handed the data they draw (``core.trends.plot_data``),
never a database."""
