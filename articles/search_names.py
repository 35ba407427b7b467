"""The people, countries and topics a search names, and those it seems to misspell.

Only what readers can see is offered: people, countries and topics with published stories
(their lines in the reader listings), a few thousand names however large the archive.
Names are compared with diacritics, case and punctuation set aside (indexes.folded), so
"erdogan" names "Recep Tayyip Erdoğan"; misspellings are measured by RapidFuzz, the same
way on both databases. (pg_trgm's word similarity, tried on PostgreSQL, offered "culture"
for "agriculture" and every Abdelatty for "Abdelatty visit", and had no threshold that kept
"qin gnag" for "Qin Gang" without them.)
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.urls import reverse
from rapidfuzz import fuzz, process
from taggit.models import Tag

from . import listings, pagecache
from .indexes import folded
from .models import Country, Listing, Person

# How close a misspelling must come to a name or a word of it, as RapidFuzz's ratio (0-100):
# "qin gnag" reaches "Qin Gang" (88), "pakistn" "Pakistan" (93); "talks" stays clear of
# "tasks" (80) and "agriculture" of "culture" (78).
CLOSE_RATIO = 85
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


# This worker's copy of public_names(), with the page generation it was read in.
_public_names = (None, {})


def public_names():
    """{kind: [Entry]} of every person, country and topic with published stories, read once
    per page generation (articles/pagecache.py): any change a reader could see starts a new
    one, so a name comes or goes with the next search after it, and until then a search
    does not read thousands of rows to look for a handful of names."""
    global _public_names
    generation = pagecache.page_cache().current()
    token = generation.token if generation else None
    read_in, names = _public_names
    if token is None or token != read_in:
        names = read_public_names()
        _public_names = (token, names)
    return names


def read_public_names():
    """{kind: [Entry]}: a few columns of a few thousand rows, folded once for every
    comparison of the search."""
    found = {
        "person": listings.listed(Person.objects, Listing.Kind.PERSON).values_list("name", "pk", "slug"),
        "country": listings.listed(Country.objects, Listing.Kind.COUNTRY).values_list("name", "pk", "code"),
        "topic": listings.listed(Tag.objects, Listing.Kind.TAG).values_list("name", "pk", "slug"),
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


def windows(query, names):
    """The runs of one to LONGEST_NAME words of the query, folded, long enough to guess at and
    not spelling a name or a word of one already ("pakistan" is no misspelt "Tajikistan")."""
    known = {part for entries in names.values() for entry in entries for part in (entry.folded, *entry.folded.split())}
    words = folded(query).split()
    runs = {" ".join(words[start:start + size]) for size in range(1, LONGEST_NAME + 1) for start in range(len(words))}
    return sorted(run for run in runs if len(run) >= SHORTEST_GUESS and run not in known)


def misspelt(query, names, exclude=()):
    """[Named]: the names the query's words come close to without spelling them, closest first."""
    taken = {found.label for found in exclude}
    best = {}
    for score, kind, entry in sorted(close_to(query, names), key=lambda scored: -scored[0]):
        if entry.name not in taken and entry.name not in best:
            best[entry.name] = named(kind, entry)
    return list(best.values())[:SHOWN]


def close_to(query, names):
    """RapidFuzz's ratio of each run of the query's words to each name, and to each long word
    of it ("erdogn" is close to "Erdoğan" of "Recep Tayyip Erdoğan")."""
    runs = windows(query, names)
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
                    scored.append((score, kind, owners[choice]))
    return scored
