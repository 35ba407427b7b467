"""Settings for newsroom.

Everything that differs between a laptop and production comes from the environment;
the defaults are safe for local development only.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG", default=True)

# A development key is generated per process rather than written down here, so no
# fixed secret ever exists; production must set SECRET_KEY to keep sessions valid.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    from django.core.management.utils import get_random_secret_key

    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin with the desk's home as its index (articles.desk.DeskSite).
    "articles.apps.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "axes",
    "csp",
    # The body's editor (articles.forms.FormattedBodyField): its scripts and styles.
    "django_prose_editor",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files, compressed and with hashed names, straight from the app server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Security headers, on every answer, the page cache's included.
    "csp.middleware.CSPMiddleware",
    "articles.middleware.PermissionsPolicyMiddleware",
    # Readers' pages from the page cache, before sessions or any view run (articles/pagecache.py).
    "articles.pagecache.PageCacheMiddleware",
    # Public reads of anonymous readers go to the read replica when there is one.
    "newsroom.routers.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Only consulted when a page is a 404: an old address of something merged.
    "articles.middleware.MovedPageMiddleware",
    # Last, as django-axes asks: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/newsroom)
# switches to PostgreSQL.
# Connections are kept for a minute (CONN_MAX_AGE) rather than opened for every request, and
# checked before each request reuses one, so a database restart costs no failed page.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The usual production settings for SQLite: WAL lets pages be read while a story is
    # saved, NORMAL syncs to disk at checkpoints rather than on every commit (the imports
    # commit once per story), and IMMEDIATE takes the write lock up front so concurrent
    # writers wait instead of failing with "database is locked". Each connection keeps its
    # last 32 statements compiled (Python's default is 128): enough for any page, and an
    # import's bulk inserts, each its own statement of up to a megabyte, do not pile up.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "cached_statements": 32,
    }

# A read replica of the PostgreSQL primary (DATABASE_REPLICA_URL) serves anonymous readers'
# pages (newsroom/routers.py). Without one the alias names the primary and nothing uses it
# (connections open only when used); the tests read through it, one database, two connections.
READ_REPLICA = bool(os.environ.get("DATABASE_REPLICA_URL"))
DATABASES["replica"] = (
    dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if READ_REPLICA
    else dict(DATABASES["default"])
)
DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]

# Caches. "pages" keeps readers' pages whole (articles/pagecache.py); "default" is for
# everything else. With REDIS_URL (e.g. redis://127.0.0.1:6379/0) both live in Redis,
# shared by every worker and server; otherwise each worker keeps its own in memory. A
# Redis that is down or hung costs at most a fifth of a second and never a failed page:
# the page cache stops asking it for a while, the default cache ignores its errors.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(ignore_errors):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "newsroom",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
            "IGNORE_EXCEPTIONS": ignore_errors,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(True), "pages": redis_cache(False)}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # About a thousand pages of a few KB each (they are kept compressed) per worker.
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
                  "OPTIONS": {"MAX_ENTRIES": 1000}},
    }

# The page cache: on unless PAGE_CACHE is off. A page not asked for within PAGE_CACHE_SECONDS
# leaves the cache; browsers and CDNs may reuse one for PAGE_CACHE_MAX_AGE seconds.
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE", default=True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = 3600
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/preview/", "/healthz")
# Where workers sharing an in-memory page cache learn that pages changed (not used with Redis).
PAGE_CACHE_STAMP_FILE = Path(os.environ.get("PAGE_CACHE_STAMP_FILE", BASE_DIR / "var" / "page-generation"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The seed story's "2023-05-06 15:34" is Beijing time; stories are shown in this zone.
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
# Readers and the desk read English only; without translation machinery every URL and
# date a page prints costs less.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production, names carry a hash of the content, so browsers keep them for a year,
    # and WhiteNoise serves them compressed (after collectstatic).
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# During development WhiteNoise serves the files where they are, as they change.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG

# Uploaded photos on S3-compatible object storage when a bucket is named, so that app servers
# keep no files of their own (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False  # photos are public: plain, cacheable addresses

# One line per error on standard output, where the process manager collects it; gunicorn
# writes one line per request there too (gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# `manage.py loaddata seed_story` finds the seed story here.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Tags differing only in case ("Diplomacy", "diplomacy") are one tag.
TAGGIT_CASE_INSENSITIVE = True

SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")
# The static picture link previews show for a story with neither a lead image nor a portrait.
SHARE_IMAGE = os.environ.get("SHARE_IMAGE", "img/share.png")

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Hardening: what input, the network and production demand of the site -----------------
# (Kept together at the end so that it reads, and merges, as one block.)

# Tags typed in a tag field are read without control characters, as every stored text is
# (articles.text), so "R\x0b&D" finds the tag "R&D" rather than clashing with it.
TAGGIT_TAGS_FROM_STRING = "articles.forms.parse_tags"

# Login throttling (django-axes). Five wrong passwords for one username from one address
# lock that pair out for 15 minutes, and a refused login never reaches the password hasher
# (~225 ms of CPU each), so a flood of guesses neither gets in nor ties up the workers.
# Attempts are kept in the database, not the cache: throttling holds when Redis is down.
# Addresses are REMOTE_ADDR: behind a proxy every desk member shares the proxy's, and the
# lockout is per username.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A desk member who mistyped and then got in starts again from zero.
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "articles.admin.locked_out"

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site
# only, and no inline script or style anywhere, so an injected <script> or style=""
# does nothing. Inline script runs only with the page's nonce: a template writes
# nonce="{{ request.csp_nonce }}", as the story form's media does for the body editor's
# import map, and the header then carries that nonce; the one stylesheet that editor writes
# is allowed on the story form alone, by its hash (ArticleAdmin.render_change_form). articles/checks.py fails the deploy check without this policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Photos are served from MEDIA_URL on this host; a media host of its own goes here too.
        "img-src": [SELF],
        "font-src": [SELF],
        # The tag field's suggestions (static/js/tag-autocomplete.js).
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    },
}
# The browser features a news site never uses, refused for it and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
# Django's defaults, written down as the headers they send: X-Frame-Options: DENY,
# X-Content-Type-Options: nosniff, Referrer-Policy: same-origin and
# Cross-Origin-Opener-Policy: same-origin.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# HTTPS in production: plain http:// is redirected, and Strict-Transport-Security keeps
# browsers on https:// for a year (HSTS_SECONDS), subdomains included, ready for the
# browsers' preload lists. HTTPS_BY_PROXY=1 is for a proxy in front that terminates TLS
# and redirects and sends HSTS itself: Django then leaves both to it, and the deploy check
# is told so rather than warning about them.
HTTPS_BY_PROXY = env_flag("HTTPS_BY_PROXY")
# PLAIN_HTTP=1 serves the production configuration over plain HTTP on this machine only
# (make serve, the page benchmark): no redirect, no HSTS, cookies sent over HTTP. Never in
# production: the deploy check fails with it.
PLAIN_HTTP = env_flag("PLAIN_HTTP")
if not DEBUG and PLAIN_HTTP:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
if not DEBUG and not HTTPS_BY_PROXY and not PLAIN_HTTP:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 60 * 60))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if not DEBUG and HTTPS_BY_PROXY:
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]
if not DEBUG and not PLAIN_HTTP:
    # Served over HTTPS either way: anything a page still links over http:// is fetched over https://.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# Uploads go to a temporary file as they arrive, never into a worker's memory, and no more
# of one is kept than the largest photo accepted; images.clean checks the size and then the
# pixel count (from the header) before decoding anything.
FILE_UPLOAD_HANDLERS = ["articles.uploads.CappedTemporaryFileUploadHandler"]
