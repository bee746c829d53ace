"""Keeping the journal safe from the window: backups, recovery, the passphrase, the data folder, and the search index's purge."""
