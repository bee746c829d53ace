"""The journal: one entry a day, its store, its service, tags, search and the prompts."""
