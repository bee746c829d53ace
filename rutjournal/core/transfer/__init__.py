"""Bringing a journal in (importers) and taking it out (exporters)."""
