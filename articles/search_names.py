"""The people, countries and topics a search names, and those it seems to misspell.

Only what readers can see is offered: people, countries and topics with published stories
(their lines in the reader listings). Names are compared with diacritics, case and
punctuation set aside (indexes.folded), so "erdogan" names "Recep Tayyip Erdoğan".
Misspellings are found by trigram similarity on PostgreSQL (pg_trgm) and by RapidFuzz on
SQLite, over the same names.
"""

from dataclasses import dataclass
from typing import NamedTuple

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


class Entry(NamedTuple):
    name: str
    folded: str
    pk: int
    ref: str  # what the page's address is made of: a slug, or a country's code


def public_names():
    """{kind: [Entry]} of every person, country and topic with published stories: a few
    columns of a few thousand rows, folded once for every comparison of the search."""
    found = {
        "person": Person.objects.filter(pk__in=listings.listed(Listing.Kind.PERSON)).values_list("name", "pk", "slug"),
        "country": Country.objects.filter(pk__in=listings.listed(Listing.Kind.COUNTRY)).values_list("name", "pk", "code"),
        "topic": Tag.objects.filter(pk__in=listings.listed(Listing.Kind.TAG)).values_list("name", "pk", "slug"),
    }
    return {kind: [Entry(name, folded(name), pk, ref) for name, pk, ref in rows] for kind, rows in found.items()}


PAGES = {"person": "articles:person", "country": "articles:country", "topic": "articles:tag"}


def named(kind, entry):
    return Named(kind, entry.name, reverse(PAGES[kind], args=[entry.ref.lower() if kind == "country" else entry.ref]))


def named_in(query, names):
    """[Named] whose whole name is among the query's words, or which the whole query begins
    a word of ("erdogan", "qin gang", "afghan")."""
    words = f" {folded(query)} "
    if len(words.strip()) < 3:
        return []
    found = [
        named(kind, entry) for kind, entries in names.items() for entry in entries
        if entry.folded and (f" {entry.folded} " in words or f" {words.strip()}" in f" {entry.folded}")
    ]
    return sorted(found, key=lambda found: (len(found.label), found.label))[:SHOWN * 2]


def windows(query):
    """The runs of one to LONGEST_NAME words of the query, folded, long enough to guess at."""
    words = folded(query).split()
    runs = {" ".join(words[start:start + size]) for size in range(1, LONGEST_NAME + 1) for start in range(len(words))}
    return [run for run in runs if len(run) >= SHORTEST_GUESS]


def misspelt(query, names, exclude=()):
    """[Named]: the names the query's words come close to without spelling them, closest first."""
    taken = {found.label for found in exclude}
    if connection.vendor == "postgresql":
        scored = _close_in_database(query, names)
    else:
        scored = _close_in_python(query, names)
    best = {}
    for score, kind, entry in sorted(scored, key=lambda scored: -scored[0]):
        if entry.name not in taken and entry.name not in best:
            best[entry.name] = named(kind, entry)
    return list(best.values())[:SHOWN]


def _close_in_python(query, names):
    """RapidFuzz's ratio of each run of the query's words to each name, and to each long word
    of it ("erdogn" is close to "Erdoğan" of "Recep Tayyip Erdoğan")."""
    runs = windows(query)
    scored = []
    for kind, entries in names.items():
        choices, owners = [], []
        for entry in entries:
            for part in {entry.folded, *(word for word in entry.folded.split() if len(word) >= SHORTEST_GUESS)}:
                choices.append(part)
                owners.append(entry)
        for run in runs:
            for _, score, choice in process.extract(run, choices, scorer=fuzz.ratio, score_cutoff=CLOSE_RATIO, limit=SHOWN):
                if score < 100:
                    scored.append((score / 100, kind, owners[choice]))
    return scored


def _close_in_database(query, names):
    """pg_trgm's word similarity of each run of the query's words to each public name (how
    well the run fits some part of the name): one query per kind, whatever the query."""
    runs = windows(query)
    if not runs:
        return []
    asked = f" {folded(query)} "
    scored = []
    for kind, model in {"person": Person, "country": Country, "topic": Tag}.items():
        entries = {entry.pk: entry for entry in names.get(kind, ())}
        if not entries:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT thing.id, max(word_similarity(run, thing.name)) AS similarity"
                f" FROM {table} thing, unnest(%s::text[]) run WHERE thing.id = ANY(%s)"
                f" GROUP BY thing.id HAVING max(word_similarity(run, thing.name)) >= %s"
                f" ORDER BY similarity DESC, thing.id LIMIT %s",
                [runs, list(entries), CLOSE_SIMILARITY, SHOWN * 2],
            )
            close = cursor.fetchall()
        scored += [
            (similarity, kind, entries[pk]) for pk, similarity in close
            if similarity < 1 and f" {entries[pk].folded} " not in asked
        ]
    return scored
