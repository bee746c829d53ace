"""The PyInstaller entry script: runs rutjournal's own entry point, so the bundle behaves as `rutjournal`.

A separate script (rather than rutjournal/__main__.py itself) keeps PyInstaller from putting the package's
own folder on the import path and from importing the entry module twice.
"""

from rutjournal.__main__ import console

if __name__ == "__main__":
    console()
