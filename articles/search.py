"""Search over published stories and their confirmed statements.

One interface, two implementations, chosen by the database in use:

- PostgreSQL: full-text search over the stored `Article.search_vector` (GIN-indexed), with
  `websearch` syntax ("qin gang" -afghanistan), ranking and headlines from the database;
- SQLite: full-text search over an FTS5 index of the same documents (English stemming,
  accents and case ignored, phrases in quotes, -word), ranked by BM25, with snippets cut
  and highlighted in Python.

However large the archive, a search reads the newest CANDIDATES matching stories (found
from one index either way: the text index for rare words, the date index for common ones)
and ranks those; the facets count them. A search matching more says so, and the year facet
reaches further back.

Either way highlights are built the same safe way: matches are first delimited with
private-use characters that cannot be markup, the text is escaped, and only then are the
delimiters turned into `<mark>` elements.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import CharField, Count, F, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Lower, Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe
from taggit.models import Tag

from . import listings
from .dates import parse_year
from .models import SEARCH_CONFIG, Article, Country, Listing, Person, Section, Statement, month_token
from .search_index import FTS_TABLE

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
    """The words of a query, without the punctuation, for highlighting."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query)))[:MAX_WORDS]


def folded(text):
    """Text as the SQLite index compares it: case and accents ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def fts_expression(query):
    """The reader's query as an FTS5 expression: words and "phrases" all required, -words
    left out. Every term is quoted, so nothing a reader types is FTS5 syntax; "" when
    nothing is required."""
    wanted, unwanted = [], []
    for match in QUERY_TERM.finditer(query):
        minus, text = (match[1], match[2]) if match[2] is not None else (match[3], match[4])
        words = WORD.findall(text)
        if words:
            (unwanted if minus else wanted).append('"' + " ".join(words) + '"')
    if not wanted:
        return ""
    return " AND ".join(wanted[:MAX_WORDS]) + "".join(f" NOT {phrase}" for phrase in unwanted[:MAX_WORDS])


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
        self.text = query
        self.query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)

    def newest(self, stories, wanted):
        """The keys of the newest `wanted` matching stories, asked of the text index a few
        months at a time, newest first, with the months' tokens (see models.month_token): a
        common word finds its newest matches without the index reading the rest of the
        archive, a rare one falls through to the whole archive, which the index answers at once."""
        if not self.has_words():
            return []  # "%" or "the": nothing to look for, and the month tokens alone match everything
        months = listings.months_newest_first()
        newest = stories.order_by("-published_at", "-pk")
        ids, start, size = [], 0, 1
        while len(ids) < wanted and start < len(months) and size <= MONTHS_AT_MOST:
            tokens = " | ".join(month_token(month) for month in months[start:start + size])
            window = self.query & SearchQuery(tokens, search_type="raw", config=SEARCH_CONFIG)
            ids += newest.filter(search_vector=window).values_list("pk", flat=True)[:wanted - len(ids)]
            start += size
            # The next window is as wide as the matches so far say it needs to be, at least twice
            # this one: a search costs two or three asks of the index, whatever the word.
            needed = start * wanted // len(ids) - start if ids else MONTHS_AT_MOST
            size = min(max(needed, size * 2), MONTHS_AT_MOST) if size < MONTHS_AT_MOST else MONTHS_AT_MOST + 1
        if len(ids) < wanted and start < len(months):
            before = listings.month_bounds(months[start - 1])[0]
            older = newest.filter(search_vector=self.query, published_at__lt=before)
            ids += older.values_list("pk", flat=True)[:wanted - len(ids)]
        return ids

    def has_words(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, self.text])
            return cursor.fetchone()[0] > 0

    def ranked(self, ids):
        ranked = Article.objects.filter(pk__in=ids).annotate(rank=SearchRank(F("search_vector"), self.query))
        return list(ranked.order_by("-rank", "-published_at", "-pk").values_list("pk", flat=True))

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
            Statement.objects.public().for_search().filter(article__in=pks)
            .annotate(document=SearchVector("text", "speaker__name", config=SEARCH_CONFIG))
            .filter(document=self.query)
            .annotate(text_marked=self.headline("text", highlight_all=True))
        )
        return {pk: (title, body) for pk, title, body in marked}, statements


class SqliteSearch:
    """FTS5 on SQLite: see `refresh_documents` for what is indexed."""

    # BM25 weights of the document's columns: title, then summary and people, then the text.
    WEIGHTS = (8.0, 4.0, 1.0)

    def __init__(self, query):
        self.words = query_words(query)
        self.expression = fts_expression(query)

    def newest(self, stories, wanted):
        """The keys of the newest `wanted` matching stories."""
        if not self.expression:
            return []
        matching = stories.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [self.expression]))
        return list(matching.order_by("-published_at", "-pk").values_list("pk", flat=True)[:wanted])

    def ranked(self, ids):
        if not ids:
            return []
        # Scored over the range of their keys and kept in Python: FTS5 evaluates the match
        # again for each value of a "rowid IN (...)", 500 times (0.9 s for three common words
        # at 100,000 stories), where a range of rowids is one pass over the match (3 ms).
        wanted = set(ids)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({FTS_TABLE}, %s, %s, %s) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid BETWEEN %s AND %s",
                [*self.WEIGHTS, self.expression, min(ids), max(ids)],
            )
            scores = {pk: score for pk, score in cursor.fetchall() if pk in wanted}
        # BM25 is better when lower; ties go to the newer story, as `ids` are ordered.
        order = {pk: position for position, pk in enumerate(ids)}
        return sorted(ids, key=lambda pk: (scores.get(pk, 0.0), order[pk]))

    def highlight(self, articles):
        marked = {
            article.pk: (delimit(article.title, self.words), delimit(excerpt(article.body, self.words), self.words))
            for article in articles
        }
        statements = [
            statement
            for statement in Statement.objects.public().for_search().filter(article__in=list(marked))
            if all(folded(word) in folded(f"{statement.text} {statement.speaker.name}") for word in self.words)
        ]
        for statement in statements:
            statement.text_marked = delimit(statement.text, self.words)
        return marked, statements


def engine(query):
    return (PostgresSearch if connection.vendor == "postgresql" else SqliteSearch)(query)


# Stories read and ranked for one search: enough for every page a reader turns to, few
# enough that ranking and facets cost the same in any archive.
CANDIDATES = 500
# The widest window of months asked at once; older stories are asked all together.
MONTHS_AT_MOST = 32


@dataclass
class Results:
    ids: list  # the candidates, best first
    more: bool  # whether older stories match too


def search(query, params):
    """The published stories matching `query` and the facets chosen in `params`: the best of
    the newest CANDIDATES. Nothing for an empty query."""
    if not query:
        return Results([], False)
    found = engine(query)
    ids = found.newest(narrow(Article.objects.published(), params), CANDIDATES + 1)
    return Results(found.ranked(ids[:CANDIDATES]), len(ids) > CANDIDATES)


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


class Facet(NamedTuple):
    model: type
    lookup: str  # how the query parameter finds the thing
    value: object  # the field, or expression, that the parameter is made of


# The facets a reader can narrow a search by, as query parameters, besides the year: the
# things with lists of stories (Listing), so a facet holds what the thing's page lists.
FACETS = {
    "section": Facet(Section, "slug", "slug"),
    "tag": Facet(Tag, "slug", "slug"),
    "country": Facet(Country, "code__iexact", Lower("code")),
    "person": Facet(Person, "slug", "slug"),
}


def narrow(articles, params):
    """Keep the stories matching the facets chosen in `params` (a QueryDict)."""
    for name, facet in FACETS.items():
        value = clean_query(params.get(name, ""))[:100]
        if value:
            keys = facet.model.objects.filter(**{facet.lookup: value}).values(key=Cast("pk", CharField()))
            articles = articles.filter(pk__in=Listing.objects.filter(kind=name, key__in=keys).values("article_id"))
    # Strictly: "0000" and "²³⁴⁵" pass str.isdigit() and then fail in the database.
    year = parse_year(clean_query(params.get("year", ""))[:100])
    if year:
        articles = articles.filter(published_on__year=year)
    return articles


class FacetValue(NamedTuple):
    label: str
    hits: int
    href: str
    chosen: bool


def facets(ids, params):
    """How many of the stories `ids` fall in each section, tag, country, person and year, each
    value with the link that narrows the search to it or, once chosen, widens it again.
    `params` is the request's QueryDict.

    Counted from the stories' lines in the reader listings, in one query, so a facet counts
    what its page lists (a person's stories include those they speak in); then the names of
    the most frequent values, a query per facet.
    """
    hits = {name: Counter() for name in FACETS}
    # Counted by the database: a few thousand lines for a page of candidates, found by their
    # stories (with the kinds asked too, SQLite reads every line of those kinds instead).
    lines = Listing.objects.filter(article_id__in=ids).values_list("kind", "key").annotate(hits=Count("*")).order_by()
    for kind, key, counted in lines:
        if kind in hits:
            hits[kind][int(key)] += counted
    # From the stories' days, not the lines' times: SQLite works out a time's year in the
    # newsroom's zone in Python, row by row (80 ms for a page of candidates).
    years = Counter(day.year for day in Article.objects.filter(pk__in=ids).values_list("published_on", flat=True))
    counted = {name: most_frequent(name, counts) for name, counts in hits.items()}
    counted["year"] = [(str(year), str(year), hits) for year, hits in sorted(years.items(), reverse=True)]
    return {name: [facet_value(params, name, *item) for item in items] for name, items in counted.items()}


def most_frequent(name, counts):
    """[(value, label, hits)] of the FACET_SIZE values counted most, ties by label."""
    if not counts:
        return []
    # Every value that could make the cut: those counted at least as often as the last that surely does.
    least = sorted(counts.values(), reverse=True)[:FACET_SIZE][-1]
    facet = FACETS[name]
    named = facet.model.objects.filter(pk__in=[pk for pk, hits in counts.items() if hits >= least])
    named = named.values_list("pk", facet.value, "name")
    return sorted(((value, label, counts[pk]) for pk, value, label in named), key=lambda item: (-item[2], item[1]))[:FACET_SIZE]


def facet_value(params, name, value, label, hits):
    toggled = params.copy()
    toggled.pop("page", None)
    chosen = params.get(name, "").lower() == value.lower()
    if chosen:
        toggled.pop(name)
    else:
        toggled[name] = value
    return FacetValue(label, hits, f"?{toggled.urlencode()}", chosen)
