"""Stage 4: the build, start to end: which units to make, on which workers, and the one place that writes."""

# The output folder's layout, declared once: the writer (output.py) and the no-op check
# (stamp.py, which runs before anything else is imported) both need it.
STATE = ".sitegen"  # sitegen's own state inside the output folder
LOCAL = "local"  # inside STATE: this machine's bookkeeping, never published
SPARE = "spare"  # inside STATE: each unit's site before the last swap, the next build's staging folder
JOURNAL = "journal.json"  # inside STATE: the swap a killed build must finish


class OutputError(Exception):
    """The output folder is unsafe to write to, or holds something sitegen did not make.

    Declared here, beside the folder's layout, because both the staging of a unit and the
    swap raise it, and the commands catch it without importing either."""
