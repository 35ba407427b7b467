"""Anonymous readers' pages read from a replica of the database, when there is one.

Everything else, the desk above all, reads and writes the primary, so an editor always
sees what they just saved. For a few seconds after any change readers read the primary
too, so that the pages the cache keeps are never made from a replica that lags behind.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

REPLICA = "replica"
# How long a change may take to reach the replica.
REPLICA_LAG = 5

_reading_replica = ContextVar("reading_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading_replica.get() else None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, first, second, **hints):
        return True  # one database, copied

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from articles import pagecache

        if not settings.READ_REPLICA or not pagecache.cacheable_request(request):
            return self.get_response(request)
        generation = pagecache.page_cache().current() if settings.PAGE_CACHE_ENABLED else None
        if generation is not None and pagecache.now() - generation.started < REPLICA_LAG:
            return self.get_response(request)
        token = _reading_replica.set(True)
        try:
            return self.get_response(request)
        finally:
            _reading_replica.reset(token)
