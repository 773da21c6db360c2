"""Crawl the public site with Django's test client and inspect what each page refers to.

Used by tests/test_site.py (every public page) and tests/browser/test_site_axe.py (one page
per view and language). Not a test module itself.
"""

import json
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import override

SKIP_PREFIXES = ("/admin/", "/media/", "/static/")
LOCAL_HOSTS = {"", "testserver"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class PageParser(HTMLParser):
    """Collects links, resources, headings and inline code of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []  # (what, url)
        self.h1_count = 0
        self.html_lang: str | None = None
        self.inline_scripts = 0
        self.style_blocks = 0
        self.style_attributes = 0
        self.event_handlers: list[str] = []
        self.ids: list[str] = []
        self.title = ""
        self.tables = 0
        self.captions = 0
        self.th_without_scope = 0
        self._in_title = False
        self.idrefs: list[tuple[str, str]] = []  # (attribute, id referred to)
        self._in_script = False
        # JSON-LD data blocks: browsers do not execute them and the CSP does not apply.
        self.data_blocks: list[object] = []
        self._data_block: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        for name in ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns"):
            for ref in (attrs.get(name) or "").split():
                self.idrefs.append((f"<{tag} {name}>", ref))
        if tag == "label" and attrs.get("for"):
            self.idrefs.append(("<label for>", attrs["for"]))
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if tag == "title":
            self._in_title = True
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and not attrs.get("scope"):
            self.th_without_scope += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in ("src", "poster", "data"):
            if attrs.get(name) and tag != "a":
                self.resources.append((f"<{tag} {name}>", attrs[name]))
        if attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.resources.append((f"<{tag} srcset>", candidate.strip().split()[0]))
        if tag == "link" and attrs.get("href"):
            self.resources.append((f"<link rel={attrs.get('rel')}>", attrs["href"]))
        if tag == "form":
            self.resources.append(("<form action>", attrs.get("action") or ""))
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.resources.append(("<meta refresh>", attrs.get("content", "")))
        if attrs.get("style") is not None:
            self.style_attributes += 1
            for url in CSS_URL.findall(attrs["style"]):
                self.resources.append(("style url()", url))
        self.event_handlers += [name for name in attrs if name.startswith("on")]
        if tag == "script" and not attrs.get("src"):
            if (attrs.get("type") or "").strip().lower() == "application/ld+json":
                self._data_block = []
            else:
                self.inline_scripts += 1
        if tag == "style":
            self.style_blocks += 1
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "script" and self._data_block is not None:
            # Only a block that is JSON is data; anything else counts as an inline script.
            try:
                self.data_blocks.append(json.loads("".join(self._data_block)))
            except ValueError:
                self.inline_scripts += 1
            self._data_block = None
        if tag == "style":
            self._in_script = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._data_block is not None:
            self._data_block.append(data)
        if self._in_title:
            self.title += data
        if self._in_script:
            for url in CSS_URL.findall(data):
                self.resources.append(("<style> url()", url))

    def id_problems(self) -> list[str]:
        """Duplicate ids, and references (aria-*, label for) to ids the page lacks."""
        problems = []
        seen, duplicates = set(), set()
        for element_id in self.ids:
            (duplicates if element_id in seen else seen).add(element_id)
        if duplicates:
            problems.append(f"duplicate ids {sorted(duplicates)}")
        dangling = sorted({f"{what}={ref}" for what, ref in self.idrefs if ref not in seen})
        if dangling:
            problems.append(f"references to missing ids: {dangling}")
        return problems


def parse_html(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


def is_other_host(url: str) -> bool:
    """True if loading ``url`` would contact another host (data: URLs stay local)."""
    url = url.strip()
    if not url or url.startswith(("data:", "#")):
        return False
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return parts.scheme not in ("data", "blob")
    return parts.netloc.split(":")[0] not in LOCAL_HOSTS


def local_path(base: str, href: str) -> str | None:
    """The same-host path (with query) that ``href`` on page ``base`` leads to, or None."""
    href = href.strip()
    if not href or href.startswith(("mailto:", "tel:", "javascript:", "#", "data:")):
        return None
    absolute = urljoin("http://testserver" + base, href)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc not in ("testserver",):
        return None
    if parts.path.startswith(SKIP_PREFIXES):
        return None
    return urlunsplit(("", "", parts.path, parts.query, ""))


def view_name(path: str) -> str | None:
    """The URL name of ``path``, resolved in the language of its prefix."""
    path = urlsplit(path).path
    prefix = path.split("/")[1] if path.count("/") > 1 else ""
    language = prefix if prefix in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    return match.view_name or match._func_path


@dataclass
class Fetched:
    path: str
    status: int
    response: object
    parsed: PageParser | None = None
    found_on: str = ""

    @property
    def is_html(self) -> bool:
        return self.response.get("Content-Type", "").startswith("text/html")


@dataclass
class CrawlResult:
    pages: dict[str, Fetched] = field(default_factory=dict)

    def html_pages(self):
        return [p for p in self.pages.values() if p.status == 200 and p.is_html]

    def one_per_view(self) -> dict[tuple[str, str], str]:
        """One URL per (view name, language prefix): the first one the crawl reached."""
        chosen: dict[tuple[str, str], str] = {}
        for page in self.html_pages():
            name = view_name(page.path)
            language = page.path.split("/")[1]
            if name and (name, language) not in chosen:
                chosen[(name, language)] = page.path
        return chosen


def _view_key(path: str):
    return (view_name(path), path.split("/")[1])


def crawl(
    client, starts=("/de/", "/en/"), limit=5000, headers=None, one_per_view=False
) -> CrawlResult:
    """Breadth-first over every same-host link reachable from ``starts`` (anonymous GETs).

    Cookies are cleared after each request so that a cookie set by one page cannot hide
    another page's behaviour. With ``one_per_view`` only the first link to each
    (view name, language) is followed: every template once per language, in a fraction of
    the requests.
    """
    result = CrawlResult()
    queue = deque((start, "(start)") for start in starts)
    seen = set(starts)
    seen_views = {_view_key(start) for start in starts}
    while queue:
        path, found_on = queue.popleft()
        if len(result.pages) >= limit:
            raise AssertionError(f"crawl stopped after {limit} pages: a link generator loops?")
        response = client.get(path, headers=headers or {})
        client.cookies.clear()
        fetched = Fetched(path, response.status_code, response, found_on=found_on)
        result.pages[path] = fetched
        targets = []
        if response.status_code in (301, 302, 303, 307, 308):
            targets.append(response["Location"])
        elif response.status_code == 200 and fetched.is_html:
            fetched.parsed = parse_html(response.content.decode())
            targets += fetched.parsed.links
        for href in targets:
            target = local_path(path, href)
            if not target or target in seen:
                continue
            if one_per_view:
                key = _view_key(target)
                if key in seen_views:
                    continue
                seen_views.add(key)
            seen.add(target)
            queue.append((target, path))
    return result
