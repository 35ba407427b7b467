from django.conf import settings
from django.http import HttpResponsePermanentRedirect

from .models import MovedPage


class MovedPageMiddleware:
    """Answer a 404 with a permanent redirect when the address has moved (see MovedPage)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No page ever moved from an address with a NUL, which PostgreSQL cannot even compare.
        if response.status_code != 404 or "\x00" in request.path:
            return response
        new_path = MovedPage.objects.filter(old_path=request.path).values_list("new_path", flat=True).first()
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)


class PermissionsPolicyMiddleware:
    """Send the Permissions-Policy header (settings.PERMISSIONS_POLICY) with every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
