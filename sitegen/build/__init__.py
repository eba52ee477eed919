"""Stage 4: the build, start to end: which units to make, on which workers, and the one place that writes."""
