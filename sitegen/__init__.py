"""sitegen: one static website per immigration unit, from shared Markdown and offices.yaml."""

__version__ = "0.1.0"
