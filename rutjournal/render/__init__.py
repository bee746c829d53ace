"""Drawing: the charts and the PDF writer. They take data, never a database."""
