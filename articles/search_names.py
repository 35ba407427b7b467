"""The people, countries and topics a search names, and those it seems to misspell.

Only what readers can see is offered: people, countries and topics with published stories
(their lines in the reader listings). Names are compared with diacritics, case and
punctuation set aside (indexes.folded), so "erdogan" names "Recep Tayyip Erdoğan".
Misspellings are found by trigram similarity on PostgreSQL (pg_trgm) and by RapidFuzz on
SQLite, over the same names.
"""

from dataclasses import dataclass

from django.db import connection
from django.urls import reverse
from rapidfuzz import fuzz, process
from taggit.models import Tag

from . import listings
from .indexes import folded
from .models import Country, Listing, Person

# How close a misspelling must come to a name: RapidFuzz's ratio (0-100) on SQLite,
# pg_trgm's word similarity (0-1) on PostgreSQL; both let "qin gnag" reach "Qin Gang" and
# keep "talks" from "tasks".
CLOSE_RATIO = 85
CLOSE_SIMILARITY = 0.5
# Windows of the query's words compared with names: "qin gnag visit" holds "qin gnag".
LONGEST_NAME = 4
SHORTEST_GUESS = 5  # characters: shorter words are too many other words' misspellings
SHOWN = 5


@dataclass
class Named:
    kind: str  # "person", "country" or "topic"
    label: str
    url: str


def public_names():
    """{kind: [(name, object)]} of every person, country and topic with published stories."""
    people = Person.objects.filter(pk__in=listings.listed(Listing.Kind.PERSON)).select_related("country")
    countries = Country.objects.filter(pk__in=listings.listed(Listing.Kind.COUNTRY))
    tags = Tag.objects.filter(pk__in=listings.listed(Listing.Kind.TAG))
    return {
        "person": [(person.name, person) for person in people],
        "country": [(country.name, country) for country in countries],
        "topic": [(tag.name, tag) for tag in tags],
    }


def url_of(kind, thing):
    return reverse("articles:tag", args=[thing.slug]) if kind == "topic" else thing.get_absolute_url()


def named_in(query, names):
    """[Named] whose whole name is among the query's words, or which the whole query begins
    a word of ("erdogan", "qin gang", "afghan")."""
    words = f" {folded(query)} "
    if len(words.strip()) < 3:
        return []
    found = []
    for kind, entries in names.items():
        for name, thing in entries:
            name_words = f" {folded(name)} "
            if name_words.strip() and (name_words in words or f" {words.strip()}" in name_words):
                found.append(Named(kind, name, url_of(kind, thing)))
    return sorted(found, key=lambda named: (len(named.label), named.label))[:SHOWN * 2]


def windows(query):
    """The runs of one to LONGEST_NAME words of the query, folded, long enough to guess at."""
    words = folded(query).split()
    runs = {" ".join(words[start:start + size]) for size in range(1, LONGEST_NAME + 1) for start in range(len(words))}
    return [run for run in runs if len(run) >= SHORTEST_GUESS]


def misspelt(query, names, exclude=()):
    """[Named]: the names the query's words come close to without spelling them, closest first."""
    taken = {named.label for named in exclude}
    if connection.vendor == "postgresql":
        scored = _close_in_database(query, names)
    else:
        scored = _close_in_python(query, names)
    best = {}
    for score, kind, name, thing in sorted(scored, key=lambda entry: -entry[0]):
        if name not in taken and name not in best:
            best[name] = Named(kind, name, url_of(kind, thing))
    return list(best.values())[:SHOWN]


def _close_in_python(query, names):
    """RapidFuzz's ratio of each run of the query's words to each name, and to each long word
    of it ("erdogn" is close to "Erdoğan" of "Recep Tayyip Erdoğan")."""
    runs = windows(query)
    scored = []
    for kind, entries in names.items():
        choices, owners = [], []
        for index, (name, _) in enumerate(entries):
            whole = folded(name)
            for part in {whole, *(word for word in whole.split() if len(word) >= SHORTEST_GUESS)}:
                choices.append(part)
                owners.append(index)
        for run in runs:
            for _, score, choice in process.extract(run, choices, scorer=fuzz.ratio, score_cutoff=CLOSE_RATIO, limit=SHOWN):
                if score < 100:
                    scored.append((score / 100, kind, *entries[owners[choice]]))
    return scored


def _close_in_database(query, names):
    """pg_trgm's word similarity of each run of the query's words to each public name (how
    well the run fits some part of the name): one query per kind, whatever the query."""
    runs = windows(query)
    if not runs:
        return []
    scored = []
    for kind, model in {"person": Person, "country": Country, "topic": Tag}.items():
        things = {thing.pk: thing for _, thing in names.get(kind, ())}
        if not things:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT thing.id, max(word_similarity(run, thing.name)) AS similarity"
                f" FROM {table} thing, unnest(%s::text[]) run WHERE thing.id = ANY(%s)"
                f" GROUP BY thing.id HAVING max(word_similarity(run, thing.name)) >= %s"
                f" ORDER BY similarity DESC, thing.id LIMIT %s",
                [runs, list(things), CLOSE_SIMILARITY, SHOWN * 2],
            )
            close = cursor.fetchall()
        scored += [
            (similarity, kind, things[pk].name, things[pk]) for pk, similarity in close
            if similarity < 1 and f" {folded(things[pk].name)} " not in f" {folded(query)} "
        ]
    return scored
