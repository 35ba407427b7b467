from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import SITEMAPS
from newsroom.views import healthz
from articles.views import news_sitemap, robots_txt, sitemap_index, story_sitemap

urlpatterns = [
    # Where a new staff member sets their password, from the link the desk gives (articles/staff.py).
    path("admin/password/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("admin/password/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("admin/", admin.site.urls),
    # Without django.contrib.sites, sitemaps take their host from the request.
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemaps/stories/<int:year>/<int:month>.xml", story_sitemap, name="sitemap_stories"),
    path("sitemaps/<str:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("news-sitemap.xml", news_sitemap, name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path("", include("articles.urls")),
]

# Uploaded photos, served by runserver during development only (static() is empty otherwise);
# production serves MEDIA_ROOT from the web server.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
