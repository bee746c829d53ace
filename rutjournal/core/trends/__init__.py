"""Trends: the series, readings and calendars the charts and the trends report are made of."""
