"""Live preview for editors: every unit served from one process, rebuilt and reloaded on save.

Self-contained: ``builder`` decides what a change touches and rebuilds it,
``watcher`` turns file events into batches, ``livereload`` tells open tabs,
``server`` serves only files inside the preview output.
"""
