"""Addresses of the site's pages, as reverse() makes them, remembered.

A story page prints about a hundred links and a list page fifty (a story's, its section's,
each speaker's and country's); reverse() works each out from the URL patterns every time,
about 20 us. The answer depends only on the arguments, the URL configuration and the
script prefix, so it is kept for each of those.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def link(viewname, *args):
    """reverse(viewname, args=args), remembered."""
    return _link(viewname, args, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=4096)
def _link(viewname, args, prefix, urlconf):
    return reverse(viewname, urlconf=urlconf, args=args)
