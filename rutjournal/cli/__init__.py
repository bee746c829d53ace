"""The command line: the parser (main) and one module per section, over the same services as the window. Never imports Qt."""
