"""Stage 2: each unit's site model as plain objects: which pages it publishes, at which URLs, in which order."""
