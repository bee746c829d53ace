"""Grow: the target role, its gaps, goals, milestones, evidence and challenges, and the promotion case."""
