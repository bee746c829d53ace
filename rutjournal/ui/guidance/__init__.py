"""The Guidance section: conversations with the boss, HR, a mentor or a skip-level, and what came of them."""
