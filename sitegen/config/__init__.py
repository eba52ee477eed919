"""offices.yaml, read once: the network, its units and their settings, validated where they are read."""
