"""The journal section: the day's editor, its calendar and scores, and the tags manager."""
