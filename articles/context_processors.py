from django.conf import settings

from .models import Section


def site(request):
    # A queryset, read only by the pages that print the section navigation (never the desk's).
    return {"site_name": settings.SITE_NAME, "sections": Section.objects.public()}
