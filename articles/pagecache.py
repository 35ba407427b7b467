"""Whole pages for readers, from the cache, until anything they show changes.

Every anonymous GET of a public page, feed or sitemap is kept in the cache under a
*generation*: any change a reader could see (articles/signals.py) starts a new one after
its transaction commits, and so does the first request after a scheduled story's time, so
the next request always gets a fresh page and nothing runs on a timer. Logged-in staff, the
desk, previews and anything that sets a cookie are never kept.

The generation lives where every worker sees it: in the cache itself when that is shared
(Redis), in a small file otherwise (the in-process cache is one per worker). The cache may
fail: then pages are rendered as if nothing were cached, for a while without asking it.
"""

import hashlib
import logging
import os
import secrets
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils import timezone as django_timezone
from django.utils.http import http_date, parse_http_date_safe

logger = logging.getLogger(__name__)

# Statuses worth keeping: pages, redirects (moved pages, country codes) and the 404s a
# crawler or a flood would otherwise render again and again.
KEPT_STATUSES = {200, 301, 302, 404}
# After the cache fails, pages are rendered without it for this long before trying again.
RETRY_AFTER = 10


@dataclass(frozen=True)
class Generation:
    token: str
    started: float  # when it began (a timestamp)
    valid_until: float | None  # the next scheduled story's time, if any

    def is_current(self, now):
        return self.valid_until is None or now < self.valid_until

    def dumps(self):
        return f"{self.token} {self.started} {self.valid_until or ''}"

    @classmethod
    def loads(cls, text):
        token, started, valid_until = (text.split(" ") + ["", ""])[:3]
        return cls(token, float(started or 0), float(valid_until) if valid_until.strip() else None)


def now():
    """The time as a timestamp, from Django's clock (which tests can move)."""
    return django_timezone.now().timestamp()


def new_generation():
    from .models import Article

    # Read from the primary: a replica may not have the change that starts this generation.
    due = Article.objects.using(DEFAULT_DB_ALIAS).scheduled().order_by("published_at").values_list(
        "published_at", flat=True
    ).first()
    return Generation(secrets.token_hex(8), now(), due.timestamp() if due else None)


class SharedStore:
    """The generation as a key in a cache every worker shares."""

    KEY = "pagecache:generation"

    def __init__(self, cache):
        self.cache = cache

    def read(self):
        text = self.cache.get(self.KEY)
        return Generation.loads(text) if text else None

    def write(self, generation):
        self.cache.set(self.KEY, generation.dumps(), timeout=None)


class FileStore:
    """The generation in a file, read again only when the file changes: one stat() a request."""

    def __init__(self, path):
        self.path = Path(path)
        self.seen = None  # (stat signature, Generation)

    def read(self):
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return None
        signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self.seen is None or self.seen[0] != signature:
            self.seen = (signature, Generation.loads(self.path.read_text()))
        return self.seen[1]

    def write(self, generation):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}")
        partial.write_text(generation.dumps())
        os.replace(partial, self.path)  # atomic: a reader sees the old file or the new one


class PageCache:
    def __init__(self):
        self.cache = caches[settings.PAGE_CACHE_ALIAS]
        shared = not isinstance(self.cache, LocMemCache)
        self.store = SharedStore(self.cache) if shared else FileStore(settings.PAGE_CACHE_STAMP_FILE)
        self.failed_at = 0.0

    # The generation.

    def generation(self):
        """The current generation, starting a new one when a scheduled story's time came."""
        generation = self.store.read()
        if generation is None or not generation.is_current(now()):
            generation = self.renew()
        return generation

    def current(self):
        """The current generation, or None when the cache cannot be asked."""
        if not self.available():
            return None
        try:
            return self.generation()
        except Exception as error:
            self.failed(error)
            return None

    def renew(self):
        generation = new_generation()
        self.store.write(generation)
        return generation

    # Pages.

    def available(self):
        return time.monotonic() - self.failed_at > RETRY_AFTER

    def failed(self, error):
        self.failed_at = time.monotonic()
        logger.warning("Page cache unavailable, pages are rendered afresh for %s s: %s", RETRY_AFTER, error)

    def get(self, key):
        """(generation, entry or None), or (None, None) when the cache cannot be asked."""
        generation = self.current()
        if generation is None:
            return None, None
        try:
            return generation, self.cache.get(key)
        except Exception as error:  # a cache down or hung must never take a page down
            self.failed(error)
            return None, None

    def set(self, key, entry):
        try:
            self.cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception as error:
            self.failed(error)


_page_cache = None


def page_cache():
    global _page_cache
    if _page_cache is None:
        _page_cache = PageCache()
    return _page_cache


def reset():
    """Forget the page cache object, e.g. after the settings it was built from changed."""
    global _page_cache
    _page_cache = None


@receiver(setting_changed)
def settings_changed(setting, **kwargs):
    if setting in {"CACHES", "PAGE_CACHE_ALIAS", "PAGE_CACHE_STAMP_FILE"}:
        reset()


def purge():
    """Start a new generation now: every page is rendered afresh on its next request."""
    try:
        page_cache().renew()
    except Exception as error:
        page_cache().failed(error)


def purge_after_commit(using=DEFAULT_DB_ALIAS):
    """Start a new generation once the current transaction commits (at once outside one)."""
    connection = connections[using]
    # Once per transaction: an import writes thousands of rows in one.
    if connection.in_atomic_block and any(callback is purge for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(purge, using=using)


# Kept pages are gzip streams, so that a reader whose browser takes gzip (every browser does)
# gets the kept bytes as they are, a quarter of the page and nothing to decompress. Nothing
# kept holds a secret (no CSRF token, no session), so compressing what a reader typed into
# a search beside it gives nothing away (BREACH).
GZIP = 31  # zlib's wbits for a gzip stream


def compressed(content):
    compressor = zlib.compressobj(1, zlib.DEFLATED, GZIP)
    return compressor.compress(content) + compressor.flush()


def takes_gzip(request):
    """Whether the request's Accept-Encoding takes gzip ("gzip", "gzip;q=0.8"; not "gzip;q=0")."""
    for coding in request.headers.get("Accept-Encoding", "").split(","):
        name, _, parameters = coding.partition(";")
        if name.strip().lower() in ("gzip", "x-gzip"):
            return quality(parameters) > 0
    return False


def quality(parameters):
    """The q= of an Accept-Encoding entry, 1 when it has none; 0, refusing, when it is unreadable."""
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def gzip_etag(etag):
    """The ETag of a page's gzip form: another representation, so another tag."""
    return f'{etag[:-1]}-gzip"'


@dataclass(frozen=True)
class Entry:
    """A page as kept: gzip-compressed, with its validators."""

    generation: str
    status: int
    headers: tuple
    content: bytes
    etag: str
    last_modified: float

    def response(self, request):
        gzipped = takes_gzip(request)
        etag = gzip_etag(self.etag) if gzipped else self.etag
        if self.status == 200 and not_modified(request, etag, self.last_modified):
            return not_modified_response({**dict(self.headers), "ETag": etag})
        response = HttpResponse(self.content if gzipped else zlib.decompress(self.content, GZIP), status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
            response.headers["Content-Length"] = str(len(self.content))
            response.headers["ETag"] = etag
        return response


def not_modified(request, etag, last_modified):
    """Whether the reader's copy, as the request's validators describe it, is this one."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return if_none_match.strip() == "*" or etag in {tag.strip() for tag in if_none_match.split(",")}
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(last_modified) <= since


def not_modified_response(headers):
    response = HttpResponseNotModified()
    for name in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
        if name in headers:
            response[name] = headers[name]
    return response


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def keepable(response):
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code in KEPT_STATUSES
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def cache_key(request):
    return cache_key_for(request.get_host(), request.get_full_path())


def cache_key_for(host, full_path):
    # "gz": pages kept as gzip streams. Pages an older release kept in a shared cache in its own
    # form (zlib) are never read as gzip; they expire unread.
    return "page:gz:" + hashlib.sha256(f"{host}{full_path}".encode()).hexdigest()


def public_headers(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    # A CDN in front keeps the gzip form and the plain one apart.
    patch_vary_headers(response, ["Accept-Encoding"])


class PageCacheMiddleware:
    """Serve readers' pages from the page cache, and keep what it has not got yet.

    Goes first in MIDDLEWARE: a kept page is answered before sessions, authentication or
    any view runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not cacheable_request(request):
            response = self.get_response(request)
            if request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS) or (
                hasattr(request, "user") and request.user.is_authenticated
            ):
                # The desk's pages and whatever a signed-in user sees are theirs alone.
                patch_cache_control(response, private=True, no_store=True)
            return response

        cache = page_cache()
        key = cache_key(request)
        generation, entry = cache.get(key)
        if entry is not None and entry.generation == generation.token:
            return entry.response(request)

        response = self.get_response(request)
        if not keepable(response):
            return response
        content = response.content
        etag = '"%s"' % hashlib.md5(content, usedforsecurity=False).hexdigest()
        last_modified = now()
        public_headers(response, etag, last_modified)
        if generation is not None:
            headers = tuple(response.items())
            cache.set(key, Entry(generation.token, response.status_code, headers, compressed(content), etag, last_modified))
        if response.status_code == 200 and not_modified(request, etag, last_modified):
            return not_modified_response(response.headers)
        return response
