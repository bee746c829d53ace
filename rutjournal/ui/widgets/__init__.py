"""Small widgets every section uses."""
