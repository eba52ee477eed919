"""Stage 1: every file under content/ read and parsed once (front matter, Markdown, office variables, static files)."""
