"""Stage 3: a site model in, (output path, bytes) out: pages, feeds, search index, machine-readable files. Pure."""
