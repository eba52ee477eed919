"""The shape of a file `sitegen new` makes, as the web editor must reproduce it."""

# What `sitegen new` writes (sitegen.scaffold.plan_page), per kind of page: its keys in order and
# the comments it leaves. The build writes the editor, and the build comes before `sitegen new` in
# the pipeline (tests/test_layers.py), so this is stated here and tests/test_cms_format.py holds it
# to plan_page's output byte for byte: a change to one without the other fails there.
from typing import Any

from sitegen.i18n import N_

_DRAFT = N_("delete this line when the page is ready to publish")
# the comments are msgids: the editor writes them in the language `sitegen new` speaks (see scaffold_shape)
NEW_PAGE: dict[str, dict[str, Any]] = {
    "berita": {
        "order": ["title", "date", "id", "author", "category", "tags", "summary", "draft"],
        "comments": {"draft": _DRAFT},
    },
    "pengumuman": {
        "order": ["title", "date", "id", "expires", "author", "category", "tags", "summary", "draft"],
        "comments": {
            "expires": N_("the last day this announcement is in force"),
            "draft": _DRAFT,
        },
    },
    "page": {
        "order": ["title", "summary", "draft"],
        "comments": {"draft": _DRAFT},
    },
}
MAX_TITLE = 150  # sitegen.scaffold.MAX_TITLE
MAX_SLUG = 150  # sitegen.scaffold.MAX_SLUG
