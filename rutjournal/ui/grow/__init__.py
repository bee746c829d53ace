"""The Grow section: a target role, the gaps to it, goals with milestones, evidence and challenges asked for."""
