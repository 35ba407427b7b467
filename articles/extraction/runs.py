"""Runs of capitalised words and the names in them: where a run splits into names, how a
name is written for an editor, and the headlines pasted into a story's body, whose title case
says nothing about names.
"""

from __future__ import annotations

import functools
import re

from .vocabulary import (
    AMBIGUOUS_SURNAMES, CAPITALS, CONCEPT_ENDINGS, HONORIFICS, MONTHS, NAME_TITLE_WORDS, ORGANISATION_WORDS, REGNAL,
    STYLE_PAIRS, STYLE_TITLES, TITLE_HEADS, TOKEN, is_concept_word,
)


def split_run(run: re.Match, non_name: frozenset) -> list[tuple[int, int, bool]]:
    """The pieces of `_split_run`, remembered: a run splits the same wherever the same words
    stand after the same few characters (the tokens' lookbehinds and "the ", "Hon. " before
    it) and before the same one (the full stop of "Jr."), and most names recur in a story."""
    word = run.group()
    if " " not in word:  # one word: as cheap to decide as to look up
        return [] if word in non_name or word.split("-")[0] in non_name or is_concept_word(word) \
            else [(*run.span(), False)]
    text, start, end = run.string, run.start(), run.end()
    key = (word, text[max(0, start - _BEFORE_RUN):start], text[end:end + 1], non_name)
    pieces = _SPLITS.get(key)
    if pieces is None:
        if len(_SPLITS) >= 8192:
            _SPLITS.clear()
        pieces = _SPLITS[key] = tuple((a - start, b - start, titled) for a, b, titled in _split_run(run, non_name))
    return [(start + a, start + b, titled) for a, b, titled in pieces]


# split_run reads no more than this many characters before a run (_after_honorific's 12).
_BEFORE_RUN = 12
_SPLITS: dict[tuple, tuple[tuple[int, int, bool], ...]] = {}


def _split_run(run: re.Match, non_name: frozenset) -> list[tuple[int, int, bool]]:
    """Split a run of capitalised words at words that cannot be part of a name.

    Each piece comes with whether a title or honorific stands right before it in the run.
    A piece directly followed by an organisation word or an abstract noun belongs to that
    organisation or campaign ("Southeast Asian Nations", "Great Hall", "Ping-Pong Diplomacy"), "He" after a title
    or a titled given name is a surname ("Vice Premier He Lifeng", "Prime Minister Luís Montenegro"), and so is
    such a word after a title or before a hyphenated given name ("Ambassador Park Min-jun"), a hyphenated
    given name after a surname is a name whatever its first part ("Kang In-sun"), a month between name words
    or after "Hon." is a given name ("Hon. January Makamba"), a title word between name words or closing them
    is part of the name ("Hassan Sheikh Mohamud", "Ben King"), and a word in capitals alone is an
    acronym ("ASEAN").
    """
    word = run.group()
    if " " not in word:  # most runs are one word: decide without tokenising
        return [] if word in non_name or word.split("-")[0] in non_name or is_concept_word(word) \
            else [(*run.span(), False)]
    pieces, piece_start, piece_end, previous, titled = [], None, None, "", False
    tokens = [token for token in TOKEN.finditer(run.string, run.start(), run.end())]
    for position, token in enumerate(tokens):
        word = token.group()
        plain = word.lstrip("'’‘ʻ")
        concept = len(plain) >= 7 and plain.endswith(CONCEPT_ENDINGS)  # is_concept_word, inlined: a hot loop
        is_name = not (plain in non_name or plain.split("-")[0] in non_name and not (
            piece_start is not None and plain.partition("-")[2][:1].islower()) or concept) or (
            word in AMBIGUOUS_SURNAMES and (previous in TITLE_HEADS or previous in ORGANISATION_WORDS
                                            and position + 1 < len(tokens)
                                            or titled and piece_start == tokens[position - 1].start()))
        # "the Amir Sheikh Tamim": one word after "the" is a title or a noun, not a given name.
        after_the = piece_start == run.start() and position == 1 and run.string.endswith(
            ("the ", "The "), max(0, run.start() - 4), run.start())
        following = tokens[position + 1].group() if position + 1 < len(tokens) else ""
        if not is_name and piece_start is None and word in ORGANISATION_WORDS and following \
                and following not in non_name and (previous in TITLE_HEADS or previous[:-1] in TITLE_HEADS
                                                   or "-" in following):
            # A word that ends a place's or a body's name never opens one: before a name word it
            # is a surname, after a title or before a hyphenated given name ("Park Min-jun",
            # "Ministers Parks Tau (Trade) and ...").
            is_name = True
        if is_name and plain in STYLE_TITLES and following in STYLE_TITLES:
            is_name = False  # "Amir Sheikh Abdullah": a style before a style
        if is_name and following and f"{plain} {following}" in STYLE_PAIRS:
            is_name = False  # "Tan Sri", "Yang Berhormat": a style of several words
        if not is_name and word in NAME_TITLE_WORDS and piece_start is not None and not after_the:
            is_name = not following or following not in non_name
        if not is_name and word in MONTHS and following and following not in non_name and (
                piece_start is not None or _after_honorific(run)):
            is_name = True  # a month between name words, or opening a name after "Hon.", is a given name
        if is_name:
            if piece_start is None:
                piece_start, titled = token.start(), previous in TITLE_HEADS or previous in HONORIFICS
            piece_end = token.end()
        else:
            # "Sabah State" is a place; "Hussein Mohamed State House Spokesperson", a name and an office.
            if piece_start is not None and (word not in ORGANISATION_WORDS and not concept or any(
                    later.group() in TITLE_HEADS for later in tokens[position + 1:])):
                pieces.append((piece_start, piece_end, titled))
            piece_start = None
        previous = word
    if piece_start is not None:
        pieces.append((piece_start, piece_end, titled))
    if pieces and pieces[-1][1] == run.end() and run.group().endswith((" Jr", " Sr")) \
            and run.string.startswith(".", run.end()):
        pieces[-1] = (pieces[-1][0], run.end() + 1, pieces[-1][2])  # "Ferdinand Marcos Jr. said"
    return [piece for piece in pieces if not run.string[piece[0]:piece[1]].isupper()]


def _after_honorific(run: re.Match) -> bool:
    before = run.string[max(0, run.start() - 12):run.start()].split()
    return bool(before) and before[-1] in HONORIFICS


@functools.lru_cache(maxsize=4096)
def display_name(name: str) -> str:
    """The name as an editor writes it: "KAMIKAWA Yoko" -> "Kamikawa Yoko"."""
    if not CAPITALS.search(name):
        return name
    return " ".join(word.capitalize() if len(word) > 1 and word.isupper() and word not in REGNAL else word
                    for word in name.split())


def word_forms(word: str) -> tuple[str, ...]:
    """A word and the forms a headline's verb or plural takes in running text: "presents" ->
    "presented", "bids" -> "bid", "credentials"."""
    stem = word[:-1] if word.endswith("s") else word
    return (word, stem, stem + "ed", stem + "d", stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else stem)


def paragraph_headings(body: str) -> list[tuple[int, int]]:
    """Paragraphs in title case without a full stop: headlines pasted into the body."""
    spans, start = [], 0
    while start < len(body):
        end = body.find("\n\n", start)
        end = len(body) if end == -1 else end
        paragraph = body[start:end].rstrip()
        if paragraph and paragraph[-1] not in ".!?:;\"”’)" and len(paragraph) < 200:
            words = [word for word in paragraph.split() if len(word) > 3]
            if len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.7 * len(words):
                spans.append((start, start + len(paragraph)))
        start = end + 2
    return spans
