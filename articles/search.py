"""Search over published stories and their confirmed statements.

One interface, two implementations, chosen by the database in use:

- PostgreSQL: full-text search over the stored `Article.search_vector` (GIN-indexed), with
  `websearch` syntax ("qin gang" -afghanistan), ranking and headlines from the database;
- SQLite: every word must appear somewhere (title, summary, body, a statement, a person's
  name), ranked by where it appeared, with snippets cut and highlighted in Python.

Either way highlights are built the same safe way: matches are first delimited with
private-use characters that cannot be markup, the text is escaped, and only then are the
delimiters turned into `<mark>` elements.
"""

import re
import unicodedata
from typing import NamedTuple

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import ExtractYear, Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe
from taggit.models import Tag

from .dates import parse_year
from .models import SEARCH_CONFIG, Article, Country, Person, Section, Statement

# Long enough for any real question; anything longer is cut rather than refused.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
SNIPPET_CHARS = 220
FACET_SIZE = 8

START, STOP = "\ue000", "\ue001"
WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query as the databases may see it: no control characters (PostgreSQL refuses
    NUL outright), whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    """The words of a query, without the punctuation, for the simple search."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query)))[:MAX_WORDS]


def mark_up(delimited):
    """Escape text whose matches are delimited by START/STOP, then mark the matches."""
    # Words matched side by side ("Qin Gang") read as one highlight.
    joined = re.sub(f"{STOP}(\\s+){START}", r"\1", delimited)
    html = escape(joined).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)


def delimit(text, words):
    """Wrap every occurrence of any of `words` in START/STOP, ignoring case. Delimiters already
    in the text (stored stories may hold any character) are dropped, so only matches are marked."""
    text = text.replace(START, "").replace(STOP, "")
    if not words:
        return text
    pattern = re.compile(
        "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE
    )
    return pattern.sub(lambda match: f"{START}{match.group()}{STOP}", text)


def excerpt(text, words, size=SNIPPET_CHARS):
    """About `size` characters of `text` around its first match, cut at spaces."""
    lowered = text.lower()
    first = min((lowered.find(word) for word in words if word in lowered), default=0)
    start = max(0, first - size // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + size
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    snippet = text[start:end].strip()
    return f"{'… ' if start else ''}{snippet}{' …' if end < len(text) else ''}"


class PostgresSearch:
    def __init__(self, query):
        self.query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)

    def articles(self):
        return (
            Article.objects.published()
            .filter(search_vector=self.query)
            .annotate(rank=SearchRank(F("search_vector"), self.query))
            .order_by("-rank", "-published_at", "-pk")
        )

    def headline(self, field, **options):
        # The delimiters are taken out of the stored text first, as delimit() does.
        text = Replace(Replace(field, Value(START), Value("")), Value(STOP), Value(""))
        return SearchHeadline(
            text, self.query, config=SEARCH_CONFIG, start_sel=START, stop_sel=STOP, **options
        )

    def highlight(self, articles):
        pks = [article.pk for article in articles]
        marked = Article.objects.filter(pk__in=pks).order_by().annotate(
            title_marked=self.headline("title", highlight_all=True),
            body_marked=self.headline("body", max_words=40, min_words=20, max_fragments=2,
                                      fragment_delimiter=" … "),
        ).values_list("pk", "title_marked", "body_marked")
        statements = (
            Statement.objects.public().for_list().filter(article__in=pks)
            .annotate(document=SearchVector("text", "speaker__name", config=SEARCH_CONFIG))
            .filter(document=self.query)
            .annotate(text_marked=self.headline("text", highlight_all=True))
        )
        return {pk: (title, body) for pk, title, body in marked}, statements


class SimpleSearch:
    def __init__(self, query):
        self.words = query_words(query)

    def articles(self):
        if not self.words:
            return Article.objects.none()
        articles, rank = Article.objects.published(), Value(0)
        for word in self.words:
            said = Statement.objects.confirmed().filter(
                Q(text__icontains=word) | Q(speaker__name__icontains=word)
            ).values("article")
            named = Article.people.through.objects.filter(person__name__icontains=word).values("article")
            elsewhere = Q(pk__in=said) | Q(pk__in=named)
            articles = articles.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word) | elsewhere
            )
            rank = rank + Case(
                When(title__icontains=word, then=8),
                When(summary__icontains=word, then=4),
                When(elsewhere, then=2),
                default=1,
                output_field=IntegerField(),
            )
        return articles.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")

    def highlight(self, articles):
        marked = {
            article.pk: (delimit(article.title, self.words), delimit(excerpt(article.body, self.words), self.words))
            for article in articles
        }
        statements = [
            statement
            for statement in Statement.objects.public().for_list().filter(article__in=list(marked))
            if all(word in f"{statement.text} {statement.speaker.name}".lower() for word in self.words)
        ]
        for statement in statements:
            statement.text_marked = delimit(statement.text, self.words)
        return marked, statements


def engine(query):
    return (PostgresSearch if connection.vendor == "postgresql" else SimpleSearch)(query)


def search(query):
    """Published stories matching `query`, best first; an empty queryset for an empty query."""
    if not query:
        return Article.objects.none()
    return engine(query).articles().for_list()


def highlight(articles, query):
    """Give each article of a page `title_html`, `snippet_html` and `matched_statements`,
    whose statements carry `text_html`: marked-up, escaped HTML. Two queries per page."""
    marked, statements = engine(query).highlight(articles)
    by_article = {}
    for statement in statements:
        statement.text_html = mark_up(statement.text_marked)
        by_article.setdefault(statement.article_id, []).append(statement)
    for article in articles:
        title, snippet = marked[article.pk]
        article.title_html, article.snippet_html = mark_up(title), mark_up(snippet)
        article.matched_statements = by_article.get(article.pk, [])
    return articles


# The facets a reader can narrow a search by, as query parameters, and what they filter.
FACETS = {
    "section": "section__slug",
    "tag": "tags__slug",
    "country": "countries__code__iexact",
    "person": "people__slug",
    "year": "published_on__year",
}


def narrow(articles, params):
    """Keep the stories matching the facets chosen in `params` (a QueryDict)."""
    for name, lookup in FACETS.items():
        value = clean_query(params.get(name, ""))[:100]
        if name == "year":
            # Strictly: "0000" and "²³⁴⁵" pass str.isdigit() and then fail in the database.
            value = parse_year(value)
        if value:
            articles = articles.filter(**{lookup: value})
    return articles


class FacetValue(NamedTuple):
    label: str
    hits: int
    href: str
    chosen: bool


def facets(articles, params):
    """How many of `articles` fall in each section, tag, country, person and year (five
    queries), each value with the link that narrows the search to it or, once chosen,
    widens it again. `params` is the request's QueryDict."""
    ids = articles.values("pk")
    counted = {
        "section": [
            (section.slug, section.name, section.hits)
            for section in Section.objects.filter(articles__in=ids).annotate(hits=Count("articles"))
            .order_by("-hits", "name")[:FACET_SIZE]
        ],
        "tag": [
            (tag.slug, tag.name, tag.hits)
            for tag in Tag.objects.filter(articles_taggedarticle_items__content_object__in=ids)
            .annotate(hits=Count("articles_taggedarticle_items")).order_by("-hits", "name")[:FACET_SIZE]
        ],
        "country": [
            (country.code.lower(), country.name, country.hits)
            for country in Country.objects.filter(articles__in=ids).annotate(hits=Count("articles"))
            .order_by("-hits", "name")[:FACET_SIZE]
        ],
        "person": [
            (person.slug, person.name, person.hits)
            for person in Person.objects.filter(articles__in=ids).annotate(hits=Count("articles"))
            .order_by("-hits", "name")[:FACET_SIZE]
        ],
        "year": [
            (str(row["year"]), str(row["year"]), row["hits"])
            for row in Article.objects.filter(pk__in=ids).values(year=ExtractYear("published_on"))
            .annotate(hits=Count("pk")).order_by("-year")
        ],
    }
    return {name: [facet_value(params, name, *item) for item in items] for name, items in counted.items()}


def facet_value(params, name, value, label, hits):
    toggled = params.copy()
    toggled.pop("page", None)
    chosen = params.get(name, "").lower() == value.lower()
    if chosen:
        toggled.pop(name)
    else:
        toggled[name] = value
    return FacetValue(label, hits, f"?{toggled.urlencode()}", chosen)
