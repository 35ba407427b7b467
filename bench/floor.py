"""The floor the page benchmark measures against: a hello-world view served by the site's own
settings and middleware (the page cache off), under the same gunicorn configuration."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

application = get_wsgi_application()
settings.ROOT_URLCONF = __name__


def hello(request):
    return HttpResponse("Hello, world")


urlpatterns = [path("", hello)]
