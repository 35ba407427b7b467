"""gunicorn, as production runs the site: `gunicorn -c gunicorn.conf.py newsroom.wsgi`.

Settings come from the environment, like the site's own (see README, "Deploy").
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Sync workers, one per core: a page is CPU work between short database queries, and the
# page cache answers most requests in well under a millisecond.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
# Load the application once, before forking: workers share its memory and start at once.
preload_app = True
# A request still running after this is a bug; the worker is replaced rather than hung.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# The reverse proxy in front speaks HTTP/1.1 keep-alive to us.
keepalive = 5

# One line per request and per error on standard output, for the process manager to keep.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# The proxy on this machine tells gunicorn the scheme and the reader's address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
