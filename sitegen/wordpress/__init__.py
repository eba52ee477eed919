"""Moving an existing WordPress site into sitegen: `sitegen import wordpress EXPORT.xml --office ID`.

Read the export (:mod:`.wxr`), turn each post's HTML into Markdown
(:mod:`.convert`, :mod:`.shortcodes`), decide where each item goes and what
its front matter says (:mod:`.plan`), and write it without ever overwriting an
editor's work (:mod:`.writer`, :mod:`.record`).
"""
