from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Newsroom editor"
admin.site.site_title = "Newsroom editor"
admin.site.index_title = "Desk"
# The article list needs the width more than a second menu beside it: the breadcrumbs and
# the desk's home page already lead everywhere.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

# Uploaded photos, served by runserver during development only (static() is empty otherwise);
# production serves MEDIA_ROOT from the web server.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
