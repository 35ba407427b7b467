from django.urls import path, register_converter

from . import feeds, views
from .feeds import atom



class CountryCodeConverter:
    """Two letters, either case: anything else never reaches the database as a code."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CountryCodeConverter, "country")

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("news/<int:year>/", views.archive_year, name="year"),
    path("news/<int:year>/<int:month>/", views.archive_month, name="month"),
    path("news/<int:year>/<int:month>/<int:day>/<slug:slug>/", views.article_detail, name="detail"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<country:code>/", views.country_detail, name="country"),
    path("people/", views.person_list, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("relations/<country:first>/<country:second>/", views.relation_detail, name="relation"),
    path("search/", views.search_results, name="search"),
    # Feeds: RSS at .../feed/, Atom at .../feed/atom/.
    path("feed/", feeds.LatestStories(), name="feed"),
    path("feed/atom/", atom(feeds.LatestStories)(), name="atom"),
    path("sections/<slug:slug>/feed/", feeds.SectionStories(), name="section_feed"),
    path("sections/<slug:slug>/feed/atom/", atom(feeds.SectionStories)(), name="section_atom"),
    path("tags/<slug:slug>/feed/", feeds.TagStories(), name="tag_feed"),
    path("tags/<slug:slug>/feed/atom/", atom(feeds.TagStories)(), name="tag_atom"),
    path("people/<slug:slug>/feed/", feeds.PersonStories(), name="person_feed"),
    path("people/<slug:slug>/feed/atom/", atom(feeds.PersonStories)(), name="person_atom"),
    path("countries/<country:code>/feed/", feeds.CountryStories(), name="country_feed"),
    path("countries/<country:code>/feed/atom/", atom(feeds.CountryStories)(), name="country_atom"),
    path("statements/", views.statement_list, name="statements"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
]
