from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """200 when the database and the cache answer, 503 naming what does not: for the load
    balancer or process manager, which should stop sending readers to a server that cannot
    serve them."""
    checks = {}
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            checks["database"] = "ok" if cursor.fetchone() == (1,) else "wrong answer"
    except Exception as error:
        checks["database"] = f"failed: {type(error).__name__}"
    try:
        cache = caches["pages"]
        cache.set("healthz", "ok", timeout=10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "no answer"
    except Exception as error:
        checks["cache"] = f"failed: {type(error).__name__}"
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503)
