"""The only code that knows SQLite: opening and inspecting the file, the schema and its migrations, the cipher, backups, integrity, moving the journal, and who may use the file."""
