"""Guidance: conversations prepared, held and followed up, promotions, and the 1:1 brief."""
