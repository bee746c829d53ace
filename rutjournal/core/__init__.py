"""The Qt-free core: the sections (their stores, services and rules), storage, imports and exports. Nothing in
here imports Qt, and nothing at run time imports SQLAlchemy: only an upgrade of an older file does."""
