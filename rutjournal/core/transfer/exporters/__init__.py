"""Exports: the lossless JSON of every table (and its restore), and Markdown and CSV of the journal for people
and spreadsheets. Qt-free; the JSON path reads with bare sqlite3 so it never imports SQLAlchemy."""
