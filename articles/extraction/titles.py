"""Titles of people: without words of courtesy ("Her Excellency The Rt Hon Dame"), the part
of a title that is the name's own ("Spokesman for Secretary-General X" is not X's), where a
title before a name may begin, the country it gives and the initials it goes by ("EAM")."""

from __future__ import annotations

import functools
import re

from .vocabulary import (
    ABBREVIATION, ARTICLES, COURTESY_WORDS, HONORIFICS, STYLE_TITLES, TITLE_HEADS, TITLE_LOWER_WORDS,
)
from .gazetteer import Gazetteer


def _clean_title(title: str) -> str:
    """The title without words of courtesy: "Excellency The Rt Hon Dame" -> ""."""
    words = COURTESY_WORDS.sub(" ", title).split()
    while words and words[0] in ("The", "the"):  # "Her Excellency The Rt Hon ..."
        words.pop(0)
    return " ".join(words).strip(" ,")


def title_before(tail: re.Match | None) -> str:
    """The title a `title_tail` match gives the name after it."""
    return _title_of(tail.group("title")) if tail else ""


@functools.lru_cache(maxsize=4096)
def _title_of(words: str) -> str:
    return _own_title(_clean_title(words))


def _own_title(title: str) -> str:
    """The part of a title before a name that is the name's own. In "Spokesman for
    Secretary-General António Guterres" the spokesman is someone else and Guterres is the
    Secretary-General; in "Envoy of the Secretary-General Hanna Tetteh" the article makes
    the whole phrase her title."""
    words = title.split()
    if len(words) < 3 or words[-1] not in TITLE_HEADS or words[-1] in STYLE_TITLES or words[-1] in HONORIFICS:
        return title
    for position in range(len(words) - 2, 0, -1):
        if words[position] in ("of", "for", "to"):
            # An office of someone ("Spokesman for"), not of a portfolio ("Minister of Foreign Affairs").
            owned = words[position - 1] in TITLE_HEADS and words[position + 1] not in ARTICLES
            return " ".join(words[position + 1:]) if owned else title
    return title


def title_window(body: str, start: int) -> int:
    """Where a title before a name can begin: within 250 characters, the line and the sentence."""
    window = max(0, start - 250, body.rfind("\n", max(0, start - 250), start) + 1)
    stop = body.rfind(". ", window, start)
    while stop != -1 and ABBREVIATION.search(body, max(window, stop - 6), stop):
        stop = body.rfind(". ", window, stop)
    return window if stop == -1 else stop + 2


def title_reach(body: str, window: int, start: int) -> int:
    """Where a title ending at `start` may begin at the earliest: back over the words a title is
    made of (capitalised words, ordinals, "of", "the", "and", lower-case heads and qualifiers),
    no further than `window`. The title regexes need only be tried from there: a search over
    the whole window, one position after another, is the costliest step of finding people."""
    # Word by word from the name back, as far as they reach: never the whole window split.
    reach = position = start
    while True:
        space = body.rfind(" ", window, position)
        word = body[space + 1:position] if space != -1 else body[window:position]
        if word and not _title_word(word):
            break
        reach -= len(word) + 1
        if space == -1:
            break
        position = space
    return max(window, reach)


@functools.lru_cache(maxsize=8192)
def _title_word(word: str) -> bool:
    """Whether a word may be part of a title: see title_reach."""
    return word[0].isupper() or word[0] in "(&" or word.startswith(("d'", "d’")) \
        or word.rstrip(",").casefold() in TITLE_LOWER_WORDS \
        or word[0].isdigit() and word.rstrip(",").endswith(("st", "nd", "rd", "th"))


def title_country(title: str, gazetteer: Gazetteer) -> str | None:
    """The country a title gives: "Pakistani President", "President of Pakistan"."""
    match = gazetteer.country_pattern.search(title)
    if not match:
        return None
    before = title[:match.start()]
    if re.search(r"\bto\s+(?:the\s+)?$", before):  # "Ambassador to Pakistan" is not Pakistani
        return None
    return gazetteer.country_by_name.get(match.group())


@functools.cache
def title_acronyms(title: str) -> frozenset[str]:
    """The initials a title goes by: "Deputy Prime Minister" gives PM and DPM,
    "External Affairs Minister" EAM; runs of capitalised words ending in a title head."""
    acronyms = set()
    for run in re.finditer(r"[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*)*", title):
        words = run.group().split()
        for last, word in enumerate(words):
            if word in TITLE_HEADS:
                for first in range(last):
                    acronyms.add("".join(w[0] for w in words[first:last + 1]))
    return frozenset(acronyms)
