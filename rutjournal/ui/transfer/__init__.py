"""File → Import… and Export…, and saving reports."""
