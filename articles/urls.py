from django.urls import path, register_converter

from . import feeds, views
from .dates import parse_year
from .feeds import atom


class YearConverter:
    """A year the newsroom keeps (articles.dates): /news/0/ or /news/99999/ is not found,
    where a plain <int:> let the date arithmetic overflow."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        year = parse_year(value)
        if year is None:
            raise ValueError(f"{value} is not a year the newsroom keeps.")
        return year

    def to_url(self, value):
        return str(value)


class MonthOrDayConverter:
    """One or two digits: never a number too large for a date (an impossible one is a 404 in the view)."""

    regex = "[0-9]{1,2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class CountryCodeConverter:
    """Two letters, either case: anything else never reaches the database as a code."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(YearConverter, "year")
register_converter(MonthOrDayConverter, "month")
register_converter(MonthOrDayConverter, "day")
register_converter(CountryCodeConverter, "country")

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("news/", views.archive_index, name="archive"),
    path("news/<year:year>/", views.archive_year, name="year"),
    path("news/<year:year>/<month:month>/", views.archive_month, name="month"),
    path("news/<year:year>/<month:month>/<day:day>/<slug:slug>/", views.article_detail, name="detail"),
    path("sections/", views.section_list, name="sections"),
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
