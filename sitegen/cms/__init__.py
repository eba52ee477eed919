"""The web editor (Decap CMS) of every unit: generated from offices.yaml and the front-matter rules.

``config``: the Decap configuration and `sitegen new`'s file shape; ``fields``: the form, with
the checker's limits; ``admin``: the files of ``admin/`` with the pinned Decap; ``codeowners``:
who reviews a unit's changes; ``local``: decap-server for ``sitegen serve --cms``.
"""
