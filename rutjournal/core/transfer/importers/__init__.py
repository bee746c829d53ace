"""Importers: read another program's export into records, preview them, then write them in one transaction.

Each format module has ``parse(path, options) -> ParsedFile`` and raises ``ImportFileError`` for a file it
cannot read at all; a record it cannot use goes into ``ParsedFile.rejected`` with its place and reason.
"""
