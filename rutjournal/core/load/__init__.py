"""Load: the task inventory, the hand-off score, the brain dump, and the numbers it adds up."""
