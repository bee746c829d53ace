"""The Trends section: the matplotlib plots of mood and workload over time, each with its reading."""
