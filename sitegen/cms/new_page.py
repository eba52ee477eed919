"""The shape of a file `sitegen new` makes, as the web editor must reproduce it."""

# What `sitegen new` writes (sitegen.scaffold.plan_page), per kind of page: its keys in order and
# the comments it leaves. The build writes the editor, and the build comes before `sitegen new` in
# the pipeline (tests/test_layers.py), so this is stated here and tests/test_cms_format.py holds it
# to plan_page's output byte for byte: a change to one without the other fails there.
NEW_PAGE = {
    "berita": {
        "order": ["title", "date", "id", "author", "category", "tags", "summary", "draft"],
        "comments": {"draft": "  # delete this line when the page is ready to publish"},
    },
    "pengumuman": {
        "order": ["title", "date", "id", "expires", "author", "category", "tags", "summary", "draft"],
        "comments": {
            "expires": "  # the last day this announcement is in force",
            "draft": "  # delete this line when the page is ready to publish",
        },
    },
    "page": {
        "order": ["title", "summary", "draft"],
        "comments": {"draft": "  # delete this line when the page is ready to publish"},
    },
}
MAX_TITLE = 150  # sitegen.scaffold.MAX_TITLE
MAX_SLUG = 150  # sitegen.scaffold.MAX_SLUG
