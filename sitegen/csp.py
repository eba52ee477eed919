"""The Content-Security-Policy every site declares: no script but the site's own files.

Editors' HTML is sanitized and a unit's static files are checked
(:mod:`sitegen.sources.static_trust`), but a policy is the second wall: should markup
with a script ever reach a page, the browser refuses to run it. Each page
carries the policy in a ``<meta http-equiv>`` tag (works on every host), and
each site has a ``_headers`` file with the same policy for hosts that read one
(Netlify, Cloudflare Pages), where ``frame-ancestors`` (header only) is added.

What the sites themselves need, and nothing more:
- scripts only from the site's own origin (``/static/search.js``, Pagefind's
  ``pagefind/*.js``), never inline and never ``eval``. Pagefind compiles its
  WebAssembly index reader in a worker (``pagefind-worker.js``), which takes its
  policy from its own response, not from the page's tag: so the tag forbids
  WebAssembly too, and the ``_headers`` policy, which does reach the worker,
  allows exactly that (``'wasm-unsafe-eval'``, not ``eval``);
- styles from the site, plus inline ones (the unit's accent colour, table
  alignment, Pagefind's interface): a style cannot run script;
- pictures from the site (and ``data:`` ones, as Pagefind's interface uses);
- embedded video only from the players the sanitizer lets through.

The preview server adds its live-reload script with a nonce
(:func:`allow_script`), so the policy stays strict in built files.

The web editor (``admin/``, :mod:`sitegen.cms`) is the one page with a policy of its
own (:func:`admin_policy`): Decap CMS compiles its configuration's schema at run time
(``'unsafe-eval'``) and its image tools are WebAssembly; it talks to the git host's
API (and, on one's own computer, decap-server on 127.0.0.1). Its scripts still come
from the site alone. No other page's policy changes.
"""

from __future__ import annotations

import html
import re

from sitegen.sources.sanitize import EMBED_HOSTS

_FRAMES = " ".join(sorted({"/".join(h.split("/")[:3]) for h in EMBED_HOSTS}))


def _policy(script_src: str) -> str:
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "media-src 'self'",
            f"frame-src {_FRAMES}",
            "object-src 'none'",
            "form-action 'self'",
        )
    )


POLICY = _policy("'self'")  # the tag of every page, the search page's too
HEADER_POLICY = _policy("'self' 'wasm-unsafe-eval'")  # _headers: also Pagefind's worker's response
HEADERS_FILE = "_headers"  # read by Netlify and Cloudflare Pages; a plain file elsewhere, harmless
_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', re.I)


def admin_policy(hosts: tuple[str, ...] = ()) -> str:
    """The editor page's policy: the site's own scripts, and requests to the git host ``hosts`` only."""
    extra = "".join(f" {h}" for h in hosts)
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob:{extra}",
            "font-src 'self' data:",
            f"connect-src 'self' blob:{extra}",
            "media-src 'self' blob:",
            "worker-src 'self' blob:",
            "frame-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


def headers_file() -> bytes:
    """The ``_headers`` file: the policy (with what only a header can say) for every path."""
    lines = (
        "/*",
        f"  Content-Security-Policy: {HEADER_POLICY}; frame-ancestors 'self'",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
    )
    return ("\n".join(lines) + "\n").encode("utf-8")


def allow_script(page: str, nonce: str) -> str:
    """The page's policy also allowing inline scripts that carry ``nonce`` (the preview's live reload)."""

    def add(match: re.Match[str]) -> str:
        policy = html.unescape(match.group(2))
        policy = policy.replace("script-src ", f"script-src 'nonce-{nonce}' ", 1)
        return match.group(1) + html.escape(policy) + match.group(3)

    return _META.sub(add, page, count=1)
