"""The Load section: the task inventory and what it frees."""
