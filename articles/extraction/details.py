"""A found statement as extraction returns it: trimmed, with its kind (direct, reported or
partly quoted), whom it was said to, whose words or greetings it relays and the countries it
names."""

from __future__ import annotations

from bisect import bisect_left

from .vocabulary import (
    AUDIENCE_CUES, FROM_BEFORE, GREETING_WORDS, POSSESSIVE, QUOTED_SEGMENT, QUOTE_CHARS, TO_BEFORE,
)
from .story import FoundStatement, Story
from .statements import OpenStatement


def _kind(text: str) -> str:
    if '"' not in text and "“" not in text:
        return "indirect"
    quoted = QUOTED_SEGMENT.findall(text)
    if not quoted:
        return "indirect"
    inside = sum(map(len, quoted))
    letters = len(text.strip(" .,;" + QUOTE_CHARS))
    if text.lstrip()[:1] in "\"“" and inside >= 0.9 * letters:
        return "direct"
    # One or two quoted words are a term ("ironclad" friendship), not the speaker's words.
    if any(len(segment.split()) >= 3 for segment in quoted):
        return "mixed"
    return "indirect"


def statement_details(story: Story, statement: OpenStatement) -> FoundStatement:
    """The statement as extraction returns it: its text, kind, audience, whose words it
    relays and the countries it names."""
    body = story.body
    text = body[statement.start:statement.end]
    audience, on_behalf_of = _audience_and_relay(story, statement, text)
    first = bisect_left(story.country_starts, statement.start)
    last = bisect_left(story.country_starts, statement.end, first)
    countries = tuple(dict.fromkeys(code for start, end, code in story.countries[first:last]
                                    if end <= statement.end)) if first < last else ()
    return FoundStatement(
        speaker=story.people[statement.speaker].name, speaker_title=statement.title, cue=statement.cue,
        kind=statement.kind or _kind(text), text=text, start=statement.start, end=statement.end,
        paragraph=statement.paragraph, countries=countries, audience=audience, on_behalf_of=on_behalf_of)


def _audience_and_relay(story: Story, statement: OpenStatement, text: str) -> tuple[str, str]:
    """(audience, on behalf of): whom it was said to ("thanked Alvi for ..."), and whose
    greetings were relayed ("conveyed President Xi's greetings", "greetings from X to Y")."""
    body, people = story.body, story.people
    audience = on_behalf_of = ""
    starts = story.mention_starts
    inside = story.mentions[bisect_left(starts, statement.start):bisect_left(starts, statement.end)]
    first_stop = text.find(". ")
    first_sentence_end = statement.start + (first_stop if first_stop != -1 else len(text))
    if statement.cue in AUDIENCE_CUES and inside and inside[0].start - statement.start <= 30 \
            and not body[statement.start:inside[0].start].strip(" ,").count(" ") > 3:
        audience = people[inside[0].person].name
    if not inside or not GREETING_WORDS.search(body, statement.start, first_sentence_end):
        return audience, on_behalf_of
    for mention in inside:
        if mention.start >= first_sentence_end:
            break
        if POSSESSIVE.match(body, mention.end) \
                or FROM_BEFORE.search(body, max(0, mention.start - 40), mention.start):
            on_behalf_of = people[mention.person].name
            if people[mention.person].country is None:
                people[mention.person].country = people[statement.speaker].country
        elif TO_BEFORE.search(body, max(0, mention.start - 50), mention.start) \
                and people[mention.person].name != audience:
            if not audience:
                audience = people[mention.person].name
            elif people[mention.person].country is None:
                # "asked Qin Gang to convey his greetings to President Xi": Xi is Qin's leader.
                relay = next(p for p in people if p.name == audience)
                people[mention.person].country = relay.country
    return audience, on_behalf_of


def trim(story: Story, statement: OpenStatement) -> OpenStatement:
    body = story.body
    while statement.end > statement.start and body[statement.end - 1] in " ,;\n":
        statement.end -= 1
    while statement.start < statement.end and body[statement.start].isspace():
        statement.start += 1
    return statement
