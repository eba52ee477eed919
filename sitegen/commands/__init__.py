"""One module per command; each stays thin and calls into the package."""
