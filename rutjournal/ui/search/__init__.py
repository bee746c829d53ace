"""Search: the results list and its model."""
