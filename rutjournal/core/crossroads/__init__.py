"""Crossroads: the monthly check-in, the signals, the verdict and the job-search tracker."""
