"""rutjournal: a private desktop journal that helps a professional get their career out of a rut."""

__version__ = "0.1.0"
APP_NAME = "rutjournal"
