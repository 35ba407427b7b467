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
    "django.contrib.admin",
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
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "articles.middleware.PermissionsPolicyMiddleware",
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
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The usual production settings for SQLite: WAL lets pages be read while a story is
    # saved, NORMAL syncs to disk at checkpoints rather than on every commit (the imports
    # commit once per story), and IMMEDIATE takes the write lock up front so concurrent
    # writers wait instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

# Redis, when REDIS_URL is set, backs the cache shared by all worker processes;
# otherwise each process keeps its own small in-memory cache.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# `manage.py loaddata seed_story` finds the seed story here.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Tags differing only in case ("Diplomacy", "diplomacy") are one tag.
TAGGIT_CASE_INSENSITIVE = True

SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")

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
# does nothing. The desk's pages (Django's admin) need no inline script either; a
# template that ever does writes nonce="{{ request.csp_nonce }}" and the header then
# carries that nonce. articles/checks.py fails the deploy check without this policy.
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
if not DEBUG and not HTTPS_BY_PROXY:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 60 * 60))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if not DEBUG and HTTPS_BY_PROXY:
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]
if not DEBUG:
    # Served over HTTPS either way: anything a page still links over http:// is fetched over https://.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# A persistent connection (CONN_MAX_AGE above 0) is checked before a request reuses it, so
# one that PostgreSQL dropped meanwhile (a restart, a killed backend, an idle timeout) is
# replaced instead of failing that request with a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Uploads go to a temporary file as they arrive, never into a worker's memory, and no more
# of one is kept than the largest photo accepted; images.clean checks the size and then the
# pixel count (from the header) before decoding anything.
FILE_UPLOAD_HANDLERS = ["articles.uploads.CappedTemporaryFileUploadHandler"]
