"""People named in a story: runs of capitalised words split at words that are no name, kept
when a title, a description, a cue or a meeting says they are a person.

Name words are capitalised tokens (Latin letters with diacritics, inner apostrophes and
hyphens, a leading okina as in "'Utoikamanu", initials, "Md." and "Ma.", a surname in
capitals before the given name as in "KAMIKAWA Yoko"), split at words that cannot be part of
a name (titles and ranks, honorifics and styles such as "Rt Hon", "Dame", "Shri", "Smt.",
"Dato' Seri", "Amb.", "Ibu", one-word countries, organisations, ministry portfolios, months,
headline verbs such as "Conveys"...); an office's initials before a named surname are a
title ("PCS Mudavadi"). A title word between or after name words stays in the name ("Hassan
Sheikh Mohamud", "Ben King"). A run is a person when a title or honorific precedes it
("Prime Minister X", "foreign minister X", "the Minister of Trade, X,", "the
governor-general, Dame X,", "the leader of the new Syrian administration X"), or a trade
before a full name ("Chinese player X", "journalist X"), a description set off by commas
follows it ("X, Algeria's foreign minister, said", "X, a senior fellow", "X, permanent
secretary of ...", "X, a graduate of"), it speaks (also "X of the United States said", "X has
expressed"), it is met or called ("met with X", "telephoned X", "congratulated X", "conducted
by X"), it is listed with a person, after a plural of people ("the two ministers, X and Y",
"Presidents X and Y") or after a colon with a country in brackets each ("were: X
(Somalia), Y (Qatar)"), it signs the release ("X State House Spokesperson" alone in the last
paragraph), its surname is titled or speaks elsewhere in the story, or the gazetteer knows
it. An office set off after a name that runs on into the next name is that name's title ("X,
Minister of ... of Rwanda Y will visit"), as is one a name and its verb close ("of Central
Europe, Minister of ... Y said"). A title word that is also a name word opens the name of one
word after it when the title is complete ("the US Ambassador to Nepal, Dean R. Thompson",
"Prime Minister Sheikh Hasina", "... of the Republic of Korea Park Jin"). Capitalised words
after an organisation's "of"/"for" ("Treaty of Friendship"), before a place word ("Second
Thomas Shoal") or after an event or place word ("Hurricane Beryl", "Mount Kenya", "St
Patrick's Day"), country names, acronyms, names
closing a clause after a place preposition ("in Mato Grosso, said"), a word joined by "and"
to an organisation's name ("Business and Professional Council"), and a lone word that opens
a sentence or a reported clause, follows "the" or a place preposition are not people; nor is a
place set off after "in" or "visiting" ("in Khon Kaen, Mr. X", "visiting Vancouver, Member of
Parliament X"), even listed before a person. Titles
are kept without words of courtesy ("Her Excellency The Rt Hon Dame"), and an office set off
by commas replaces a style ("Sheikh"). A lone surname resolves to the person of the story
who bears it, a name in full replaces the same name with an initial ("B. Battsetseg", then
"Battsetseg Batmunkh"), and a full name in the headline completes a person the body names by
surname alone. A rank by its initials before a full name is its title ("AVM Richard Opoku
Gyamfi"); the late father after "ibni" in a ruler's name, the words of a country's name split
at its first ("Brunei Darussalam") and the company closing an office set off after a name ("X,
Chairman of LuLu Group International,") are no one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .vocabulary import (
    AFFILIATION, ARTICLES, ATTENDANCE_AFTER, ATTENDANCE_BEFORE, CONTACT_LABEL_END, CUES, DESCRIPTION_STOPS,
    DESCRIPTION_VERBS, GENDERED_WORDS, HONORIFICS, HONORIFIC_TAIL, INVERSION_CUES, INVERTED, JOB_NOUNS,
    LISTED_AFFILIATION, LIST_JOIN, LOWER_OFFICE, LOWER_TITLE_HEADS, LOWER_WORD, MEETING_ADJECTIVES,
    MEETING_BEFORE_BETWEEN, MEETING_CONTEXT, MEETING_WORDS,
    LEADING_PARTICLES, MAJESTY_BEFORE, NAMED_THING_LEADS, NAME_PARTICLES, NAME_RUN, NAME_TITLE_WORDS, NAMING_STYLES,
    NOT_IN_OFFICE_BODY, NOUN_LIKE_CUES, OF_COUNTRY, ORGANISATION_AFTER_AND, ORGANISATION_OF, ORGANISATION_WORDS,
    PEOPLE_BEFORE_LIST,
    PERSON_AGENT_VERBS, PERSON_NOUNS, PLACE_ONLY_PREPOSITIONS, PLACE_PREPOSITIONS, POSSESSIVE_DETERMINERS,
    POSTNOMINALS, RULER_STYLES,
    SIGNATURE, SIGNED_LABEL, STYLE_TITLES, TITLE_HEADS, TITLE_HEADS_SET,
    UPPER, VISITING_VERBS,
)
from .gazetteer import PersonEntry
from .names import PATRONYMIC_PARTICLES, one_person, person_key, spelled_out, transliterated
from .runs import display_name, paragraph_headings, split_run, word_forms
from .story import Mention, Person, Story
from .countries import after_country
from .titles import title_acronyms, title_before, title_country, title_reach, title_window


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    title: str
    titled: bool
    known: PersonEntry | None
    speaks: bool
    met: bool
    gender: str = ""
    office_end: int = 0  # where an office set off after the name ends ("X, Minister of ...,")
    own_title: str = ""  # the title before the name, without the office set off after it
    own_titled: bool = False  # whether that title or a style before the name makes it a person
    office: str = ""  # an office set off before the title: "The Minister of State, Ambassador X"
    key: str = ""  # the name folded for matching
    tokens: tuple[str, ...] = ()

    def __post_init__(self):
        self.key = person_key(self.name)
        self.tokens = tuple(self.key.split())

    def drop_office(self) -> None:
        """The office set off after the name is the next name's title, not this one's."""
        self.title, self.titled, self.office_end = self.own_title, self.own_titled, 0


def _contains(tokens: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether a name holds another, not as a father's name: "King Salman bin Abdulaziz Al Saud"
    is not "Crown Prince Mohammed bin Salman bin Abdulaziz Al Saud"."""
    size = len(part)
    return any(tokens[i:i + size] == part and (i == 0 or tokens[i - 1] not in PATRONYMIC_PARTICLES)
               for i in range(len(tokens) - size + 1))


def _is_sentence_start(body: str, start: int) -> bool:
    before = body[max(0, start - 3):start].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n:"


def _opens_reported_clause(body: str, start: int) -> bool:
    """Whether a word follows a cue or "that": "said Morobe welcomed ...", "noted that Kenya"."""
    previous = body[max(0, start - 16):start].split()[-1:]
    return bool(previous) and (previous[0] in CUES or previous[0] == "that")


def _describes_person(described: str) -> bool:
    """Whether the words set off after a name say what a person is: "a senior fellow at the
    institute", "permanent secretary of its foreign ministry" (not "who met ...", "where ...",
    nor a clause with a verb of its own)."""
    words = described.casefold().replace("’", " ").replace("'", " ").split()
    if not words or words[0] in DESCRIPTION_STOPS:
        return False
    if any(word in DESCRIPTION_VERBS for word in words):
        return False  # "In Vilnius, the Foreign Minister also met ...": a clause with its own verb
    if words[0] in ("a", "an", "the", "its", "his", "her", "their"):
        return bool(set(words) & PERSON_NOUNS)
    # Without an article the person noun comes early: "permanent secretary of ...".
    return bool(set(words[:4]) & PERSON_NOUNS)


def _after_letters(body: str, end: int) -> str:
    """The character after a name and the letters after it: "X (MP), ..." gives ","."""
    if not body.startswith(" ", end):
        return body[end:end + 1]
    letters = POSTNOMINALS.match(body, end)
    end = letters.end() if letters else end
    return body[end:end + 1]


@functools.lru_cache(maxsize=4096)
def _without_honorific(title: str) -> str:
    """A title without the honorific closing it: "Foreign Minister Mr." -> "Foreign Minister"."""
    return HONORIFIC_TAIL.sub("", title) if title else title


def _joined_by_and(body: str, start: int, previous_word: str) -> bool:
    """Whether a name follows "and" or "&", or "and the"."""
    if previous_word == "the":
        previous_word = (body[max(0, start - 12):start].split()[-2:-1] or [""])[0]
    return previous_word == "and" or previous_word == "&"


def _office_initials(word: str) -> bool:
    """Whether a word is a rank or an office by its initials: "AVM", "PCS"."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def _past_office_initials(body: str, start: int, end: int) -> int:
    """Where a name really begins past a word in capitals before a given name and a surname
    ("AVM Richard Opoku Gyamfi"): a rank or an office by its initials, where a surname printed
    in capitals ("KAMIKAWA Yoko") comes before the given name alone. After an article or a
    number the capitals open the name of a thing ("the OR Tambo Building") or of a place in an
    address ("2517 KC Den Haag")."""
    space = body.find(" ", start, end)
    if space == -1 or body.find(" ", space + 1, end) == -1 or not _office_initials(body[start:space]):
        return start
    previous = body[max(0, start - 12):start].split()[-1:]
    if previous and (previous[0] in ARTICLES or previous[0] in POSSESSIVE_DETERMINERS or previous[0][-1].isdigit()):
        return start
    return space + 1


def _is_met(body: str, start: int) -> bool:
    words = body[max(0, start - 40):start].split()[-2:]
    if words and words[-1] in MEETING_ADJECTIVES:
        words = words[:-1]
    if words[-2:-1] and words[-1] == "by" and words[-2] in PERSON_AGENT_VERBS:
        return True  # "The interview was conducted by Kelly Rwamapera"
    if not words or words[-1] not in MEETING_WORDS:
        return False
    # "visited Buenos Aires, Addis Ababa and Kuala Lumpur": "and" joins people only at a meeting,
    # and so does "with" after a name ("talks between Wang Yi with X", not "flights connect New
    # Delhi with Ha Noi"); after any other word it names a person ("attended the parade with X").
    if words[-1] == "with":
        return not words[-2:-1] or not words[-2][:1].isupper() or _at_meeting(body, body.rfind(" with", 0, start))
    return words[-1] != "and" or _at_meeting(body, start)


def _at_meeting(body: str, start: int) -> bool:
    """Whether the words before `start` tell of a meeting; "between" only after a word of
    meeting ("a conversation between X and Y", not "the pipeline between Algyő and Novi Sad")."""
    for context in MEETING_CONTEXT.finditer(body, max(0, start - 120), start):
        if context.group() != "between":
            return True
        before = body[max(0, context.start() - 20):context.start()].split()
        if before and before[-1] in MEETING_BEFORE_BETWEEN:
            return True
    return False


class PeopleFinder:
    def __init__(self, story: Story):
        self.story = story
        self.by_name: dict[str, int] = {}
        self._common_words: frozenset[str] | None = None  # read on demand: see headline_name_end

    def headline_name_end(self, text: str, start: int, end: int) -> int:
        """Where a name in a headline's title case ends: before a word the story prints in lower
        case elsewhere ("Cui Jianchun Presents Credentials" beside "presented his credentials",
        "X Bids Farewell" beside "bid farewell"), which is a common word, not a name; a verb in
        "-s" before it goes too ("Zhang Yi Bids Farewell" beside "a farewell call")."""
        if self._common_words is None:
            self._common_words = frozenset(LOWER_WORD.findall(self.story.body))
        spaces = [position for position in range(start, end) if text[position] == " "]
        for number, position in enumerate(spaces):
            word_end = spaces[number + 1] if number + 1 < len(spaces) else end
            if self._common_words.isdisjoint(word_forms(text[position + 1:word_end].casefold())):
                continue
            # "X Y Bids Farewell": the verb before the common word goes with it, if a full name
            # stays, or the surname of someone the story names ("Ambassador Whitman Marks Launch").
            if number >= 1 and text[spaces[number - 1] + 1:position].endswith("s") and (
                    number >= 2 or self.resolve_partial(text[start:spaces[0]]) is not None):
                return spaces[number - 1]
            return position
        return end

    def starts_with_person(self, name: str) -> bool:
        """Whether a headline name begins with the full name of one of the story's people:
        "Ambassador Cui Jianchun Presents ..." is Cui Jianchun."""
        tokens = tuple(person_key(name).split())
        return any(len(person.tokens) > 1 and tokens[:len(person.tokens)] == person.tokens
                   for person in self.story.people)

    def add(self, name: str, title: str, known: PersonEntry | None) -> int:
        gazetteer = self.story.gazetteer
        if known:
            name = known.name
        title = _without_honorific(title)
        key = person_key(name)
        if key not in self.by_name:
            # "Sergei Lavrov" after "Sergey Lavrov": one person, known by both names.
            tokens = tuple(key.split())
            same = self.same_person(tokens)
            if same is not None and (known is None or self.story.people[same].known_key in (None, known.key)):
                self.by_name[key] = same
                person = self.story.people[same]
                if person.known_key is None and spelled_out(tokens, person.tokens):
                    # "B. Battsetseg", then "Battsetseg Batmunkh": the person goes by the name in full.
                    person.name, person.tokens = name, tokens
        if key in self.by_name:
            index = self.by_name[key]
            person = self.story.people[index]
            if title and not person.title:
                person.title = title
                person.country = person.country or title_country(title, gazetteer)
            return index
        person = Person(name, title, (known.country if known else None) or title_country(title, gazetteer),
                        known.key if known else None, tuple(key.split()))
        self.story.people.append(person)
        self.by_name[key] = len(self.story.people) - 1
        return self.by_name[key]

    def same_person(self, tokens: tuple[str, ...]) -> int | None:
        """The person of the story this full name is another way of writing (see names.one_person):
        "Sergei Lavrov" for "Sergey Lavrov", "Amirabdollahian" for "Amir-Abdollahian"."""
        if len(tokens) < 2:
            return None
        for index, person in enumerate(self.story.people):
            if len(person.tokens) > 1 and one_person(person.tokens, tokens):
                return index
        return None

    def resolve_partial(self, name: str, tokens: tuple[str, ...] = ()) -> int | None:
        """Part of the name of someone already named in the story: "Alvi", "Wang", "Lula"; or
        their surname transliterated another way, a letter more or less ("Kulubayev" for
        "Jeenbek Kulubaev")."""
        tokens = tokens or tuple(person_key(name).split())
        size = len(tokens)
        best, best_rank = None, 4
        for index, person in enumerate(self.story.people):
            person_tokens = person.tokens
            if size >= len(person_tokens):
                continue
            if person_tokens[-size:] == tokens:
                rank = 0
            elif person_tokens[:size] == tokens:
                rank = 1
            elif any(person_tokens[i:i + size] == tokens for i in range(len(person_tokens) - size)):
                rank = 2
            elif size == 1 and transliterated(tokens[0], person_tokens[-1]):
                rank = 3
            else:
                continue
            if rank < best_rank:
                best, best_rank = index, rank
        return best

    def candidate(self, start: int, end: int, after: int = 0) -> _Candidate:
        """What the text around a name says: its title, whether it speaks or is met. A title
        begins `after` the name before, never taking it in."""
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        name = display_name(body[start:end])
        previous_word = (body[max(0, start - 40):start].split() or [""])[-1]
        if previous_word in NAMED_THING_LEADS or (
                previous_word in PLACE_ONLY_PREPOSITIONS or previous_word in VISITING_VERBS and " " not in name
        ) and body.startswith(",", end) and person_key(name) not in gazetteer.person_by_name:
            # "Hurricane Beryl had devastated": an event or a place, whatever it does; "the Consul
            # General in Khon Kaen, Mr. X", "talks in Jeddah, held under ...", "visiting Lagos,
            # Minister X": a place set off.
            return _Candidate(start, end, name, "", False, None, False, False)
        window = max(title_window(body, start), after)
        if _joined_by_and(body, start, previous_word) and " " not in name \
                and gazetteer.office_closing.search(body, window, end) \
                and person_key(name) not in gazetteer.person_by_name:
            # "The British Minister for the Americas and Caribbean, David Rutley,", "Secretary of
            # State for Ibero-America and the Caribbean": a word joined by "and" to an office's
            # portfolio closes the office; it is no one's name.
            return _Candidate(start, end, name, "", False, None, False, False)
        person_title, titled, gender, office = self.title_before_name(start, end, window, previous_word)
        if titled and person_title and sum(not word.endswith(".") for word in name.split()) == 1:
            start, name, person_title = self.name_word_in_title(start, name, person_title, window)
        # "Simon Harris TD", "Alfred Mutua, EGH,": letters after a name stand between it and what follows.
        letters = POSTNOMINALS.match(body, end)
        after_name = letters.end() if letters else end
        speaks = self.speaks_after(after_name, previous_word, single=" " not in name)
        office_end, own_title, own_titled = 0, person_title, titled
        if body.startswith(",", after_name):
            person_title, titled, speaks, office_end = self.set_off_after(after_name, person_title, titled, speaks)
        elif not titled and (start == 0 or body[start - 1] == "\n"
                             or SIGNED_LABEL.fullmatch(body, body.rfind("\n", 0, start) + 1, start)):
            # "Hussein Mohamed State House Spokesperson", "Signed: X Spokesperson" closing a release
            signed = SIGNATURE.match(body, end)
            if signed and not TITLE_HEADS_SET.isdisjoint(signed.group("title").split()):
                person_title, titled = signed.group("title"), True
        return _Candidate(start, after_name, name, person_title, titled, gazetteer.person_by_name.get(person_key(name)),
                          speaks, _is_met(body, start), gender, office_end, own_title, own_titled, office=office)

    def title_before_name(self, start: int, end: int, window: int,
                          previous_word: str) -> tuple[str, bool, str, str]:
        """(title, whether titled, gender, office) from the words before a name: "Foreign
        Minister X", "Ms. X", "the governor-general, Dame X,"; the office is one set off before
        the title ("The Minister of State for Foreign Affairs, Ambassador X"), which the story
        may call the person by later ("The Minister of State said")."""
        body, gazetteer = self.story.body, self.story.gazetteer
        # A title always ends with a capitalised word or a lower-case head: search only then.
        tail = None
        if previous_word.lstrip("(")[:1].isupper() or previous_word in LOWER_TITLE_HEADS:  # "Gen. (Rtd) X"
            window = title_reach(body, window, start)
            tail = gazetteer.title_tail.search(body, window, start)
            if tail and tail.group("title").endswith((" The", " the")):
                return "", False, "", ""  # "the Mayor of The Hague": "The" opens a place's name
        if not tail and previous_word in JOB_NOUNS and " " in body[start:end]:
            return previous_word, True, "", ""  # "Chinese player Zhuang Zedong": a trade before a full name
        if not tail and _office_initials(previous_word) and " " in body[start:end]:
            return previous_word, True, "", ""  # "its Commandant, AVM Richard Opoku Gyamfi"
        if not tail and previous_word.islower() and " " in body[start:end]:
            office = LOWER_OFFICE.search(body, max(window, start - 120), start)
            if office and NOT_IN_OFFICE_BODY.isdisjoint(office.group("body").split()):
                return office.group("title").strip(), True, "", ""
        person_title = title_before(tail)
        titled = bool(tail)
        gender = next((GENDERED_WORDS[word] for word in reversed(tail.group("title").split())
                       if word in GENDERED_WORDS), "") if tail else ""
        if not person_title and (previous_word.endswith(",") or tail or previous_word.rstrip(".") in HONORIFICS
                                 or previous_word == "Sri") and _after_letters(body, end) in ",.":
            # "the governor-general, Dame Ruth Okello,": the title before the comma and the style.
            before = gazetteer.title_before_comma.search(body, window, start)
            if before:
                person_title, titled = before.group("title"), True
        office = ""
        if tail and person_title and body.endswith(", ", window, tail.start()):
            before = gazetteer.title_before_comma.search(body, window, tail.start())
            office = before.group("title") if before else ""
        return person_title, titled, gender, office

    def name_word_in_title(self, start: int, name: str, title: str, window: int) -> tuple[int, str, str]:
        """(start, name, title) when the title before a name of one word ends with the name's
        first word: a title word that is a given name too, after a complete title ("the US
        Ambassador to Nepal, Dean R. Thompson"), a style that names ("Prime Minister Sheikh
        Hasina"), or a surname that is also an organisation's word, after the country that
        closes the title ("Minister of Foreign Affairs of the Republic of Korea Park Jin")."""
        body, gazetteer = self.story.body, self.story.gazetteer
        rest, _, word = title.rpartition(" ")
        word_start = start - len(word) - 1
        if not body.startswith(word + " ", word_start):
            return start, name, title
        if word in RULER_STYLES and not rest and MAJESTY_BEFORE.search(body, max(0, word_start - 16), word_start) \
                and not re.search(rf"\b{re.escape(name)}[ ]+(?:bin|ibni|[{UPPER}])", body):
            return word_start, f"{word} {name}", "His Majesty"  # the story writes no longer name for the ruler
        if word in NAMING_STYLES or word in NAME_TITLE_WORDS and word not in STYLE_TITLES:
            if not rest:
                before = gazetteer.title_before_comma.search(body, window, word_start)
                if before is None:
                    return start, name, title  # "Judge Thompson", "King Abdullah": the title alone
                rest = before.group("title")
        elif word not in ORGANISATION_WORDS \
                or not any(country.end() == len(rest) for country in gazetteer.country_pattern.finditer(rest)):
            return start, name, title
        return word_start, f"{word} {name}", rest

    def speaks_after(self, end: int, previous_word: str, single: bool) -> bool:
        """Whether the name is the subject of a cue or a narrative verb: "X said", "X of the
        United States said", '"...," said Josep Borrell'."""
        body, gazetteer = self.story.body, self.story.gazetteer
        speaks_match = gazetteer.speaks.match(body, end, end + 40) or (
            previous_word in INVERSION_CUES and not single and INVERTED.match(body, end))
        if not speaks_match and body.startswith(" of ", end):
            # "Linda Thomas-Greenfield of the United States said": the speaker's country or employer.
            affiliation = AFFILIATION.match(body, end)
            speaks_match = affiliation and gazetteer.speaks.match(body, affiliation.end(), affiliation.end() + 40)
        # A lone word "in Oslo, said", "the Children said" or "Coastal states" is a place or a
        # noun, not a speaker; so are any words "in Mato Grosso, said", closing a clause.
        # Nor do words after "the" closing what is set off after a speaker: "X, a recipient of the
        # Pravasi Bharatiya Samman, said" (an award), "X, Chairman of the Aster Group, said".
        speaks = bool(speaks_match) and not (
            single and (speaks_match.group("verb") in NOUN_LIKE_CUES or previous_word in ARTICLES)
            or (previous_word in PLACE_PREPOSITIONS or previous_word in ARTICLES)
            and (single or "," in speaks_match.group()))
        if single and speaks and ("," in speaks_match.group() or speaks_match.group("verb") not in CUES):
            # "..., Shymkent and Karaganda sent delegations": a lone word that only acts may be a place.
            speaks = False
        return speaks

    def set_off_after(self, end: int, person_title: str, titled: bool,
                      speaks: bool) -> tuple[str, bool, bool, int]:
        """(title, titled, speaks, where an office ends) with what the commas after a name set
        off: an office ("X, Minister of Foreign Affairs,"), a description ("X, a senior fellow
        at ..."), or a clause before a verb ("X, who met ..., said")."""
        body, gazetteer = self.story.body, self.story.gazetteer
        apposition = gazetteer.appositive.match(body, end)
        if apposition:
            office = apposition.group("title")
            if person_title in STYLE_TITLES:
                # "Sheikh X, Prime Minister and Minister of Foreign Affairs,": the office, not the style.
                person_title = office
            elif person_title and " " not in person_title:
                # "Ambassador X, Minister of Foreign Affairs of Nigeria,": the rank and the office.
                person_title = f"{person_title}, {office}"
            return person_title or office, True, speaks, apposition.end()
        apposition = gazetteer.apposition.match(body, end, end + 260) \
            or gazetteer.description.match(body, end, end + 200)
        if apposition:
            described = apposition.group("title")
            if _describes_person(described):
                person_title = person_title or re.sub(r"^(?:the|a|an)\s+", "", described)
                titled = True
            speaks = speaks or (apposition.group("verb") or "states") not in NOUN_LIKE_CUES
        return person_title, titled, speaks, 0

    def add_listed(self, candidates: list[_Candidate]) -> None:
        """Names listed with a person ("Kulubaev and Sirojiddin Muhriddin"), after a plural of
        people ("the heads of the delegations, Nurlan Abdrakhmanov and Tolib Ashurzoda,"), as
        guests ("X, Y and others were present", "Present were X and Y") or after a colon, each
        with a country in brackets ("...were: X (Somalia), Y (Costa Rica) and Z (Qatar)", as
        ambassadors are listed) are people; a portfolio in brackets after a name does not break
        the list."""
        body, country_by_name = self.story.body, self.story.gazetteer.country_by_name

        def with_country(candidate: _Candidate) -> bool:
            close = body.find(")", candidate.end, candidate.end + 40) if body.startswith(" (", candidate.end) else -1
            return close != -1 and country_by_name.get(body[candidate.end + 2:close]) is not None

        def is_person(candidate: _Candidate) -> bool:
            return candidate.key in self.by_name or (
                len(candidate.tokens) == 1 and self.resolve_partial(candidate.name, candidate.tokens) is not None)

        def joins(previous, following):
            affiliation = LISTED_AFFILIATION.match(body, previous.end, following.start)
            return LIST_JOIN.fullmatch(body, affiliation.end() if affiliation else previous.end, following.start)

        def follows_place_preposition(candidate: _Candidate) -> bool:
            # "the Consul General in Khon Kaen, Mr. X": a place, then the person.
            return (body[max(0, candidate.start - 16):candidate.start].split() or [""])[-1] in PLACE_ONLY_PREPOSITIONS

        def in_brackets(candidate: _Candidate) -> bool:  # "(Electricity and Energy)"
            window = max(0, candidate.start - 80)
            return body.rfind("(", window, candidate.start) > body.rfind(")", window, candidate.start)

        if body.find("(") != -1:
            candidates = [candidate for candidate in candidates if not in_brackets(candidate)]
        joined = [i for i in range(1, len(candidates)) if joins(candidates[i - 1], candidates[i])]
        if not joined:
            return
        lists: list[list[int]] = []
        for i in joined:
            if lists and lists[-1][-1] == i - 1:
                lists[-1].append(i)
            else:
                lists.append([i - 1, i])
        for members in lists:
            listed = [candidates[i] for i in members]
            if not all(len(c.tokens) > 1 or is_person(c) for c in listed):
                continue  # a list with a lone word that is nobody's name: "Russia, Kazan and Sochi"
            first, last = listed[0], listed[-1]
            if any(is_person(c) for c in listed) or PEOPLE_BEFORE_LIST.search(
                    body, max(0, first.start - 120), first.start) \
                    or ATTENDANCE_BEFORE.search(body, max(0, first.start - 60), first.start) \
                    or ATTENDANCE_AFTER.match(body, last.end) or all(with_country(c) for c in listed) \
                    and body[max(0, first.start - 3):first.start].rstrip().endswith(":"):
                for candidate in listed:
                    if not is_person(candidate) and not follows_place_preposition(candidate) \
                            and self.resolve_partial(candidate.name, candidate.tokens) is None:
                        self.add(candidate.name, candidate.title, None)

    def find(self, title: str) -> None:
        """Find the story's people and every mention of them in the body, in steps: the
        candidate names, the titled and known people, offices by initials before their names,
        the people who speak or are met, the people listed with them, every mention, the
        headline's people and offices by initials standing alone."""
        candidates = self.candidates()
        # Titled and known people first, then people who speak or are met, so that a
        # shorter mention ("Mohammed bin Salman said") resolves to the full name.
        self.add_titled_and_known(candidates)
        self.split_initials(candidates)
        self.add_speakers_and_met(candidates)
        self.add_listed(candidates)
        self.add_mentions(candidates)
        self.add_from_headline(title)
        self.add_acronym_mentions()
        self.story.mentions.sort(key=lambda mention: mention.start)
        self.story.mention_starts = [mention.start for mention in self.story.mentions]

    def candidates(self) -> list[_Candidate]:
        """Every run of name words in the body that may be a person's name, with its context."""
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        candidates, last_full_name_end, last_office_end, office_holder = [], 0, 0, None
        non_name = gazetteer.non_name_words
        headings = paragraph_headings(body)
        for run in NAME_RUN.finditer(body):
            word = run.group()
            if word in non_name:  # most runs are one word that is no name: "The", "China"
                continue
            if body.endswith(" ibni ", max(0, run.start() - 6), run.start()):
                continue  # "Sultan X ibni Al-Marhum Sultan Y": the late father's name, part of a ruler's
            for start, end, after_title in split_run(run, non_name):
                if headings and " " in run.group() and any(a <= start < b for a, b in headings):
                    # A headline in the body ("Consul General X Bids Farewell to ..."): as in the title.
                    end = self.headline_name_end(body, start, end)
                # "Viet Nam Do Hung Viet", "the Lao PDR Saleumxay Kommasith": the country goes first.
                start = after_country(body, start, end, gazetteer)
                if start == end:
                    continue
                start = _past_office_initials(body, start, end)
                past_place = False  # whether the name begins after a place or body closing a title
                if start == run.start() and body.endswith((" in ", " at ", " of ", " for ", " the "),
                                                          max(0, start - 5), start):
                    start = self.after_place(start, end, last_full_name_end)
                    past_place = start != run.start()
                name = body[start:end]
                words = name.split()
                # A title-case heading, not a name; names with a father's ("X bin Y ...") run longer.
                longest = 10 if PATRONYMIC_PARTICLES.intersection(words) else 6
                if len(words) > 6 and sum(word not in NAME_PARTICLES for word in words) > longest:
                    continue
                if name in gazetteer.country_by_name:
                    continue  # "Costa Rica", "Sierra Leone"
                if " " not in name and CONTACT_LABEL_END.match(body, end):
                    continue  # "Spokesperson for the Minister Cell: +27 ...": a contact line's label
                if body.startswith((" and ", " & "), end) and " " not in name \
                        and ORGANISATION_AFTER_AND.match(body, end):
                    continue  # "the Indian Business and Professional Council"
                if not after_title and start == run.start() \
                        and body.endswith(("of ", "for ", "on ", "the "), max(0, start - 5), start):
                    organisation = ORGANISATION_OF.search(body, max(0, start - 40), start)
                    if organisation and organisation.group(1) not in TITLE_HEADS:
                        continue  # "Treaty of Friendship"
                # A title never takes in the full name before it ("... Ahmed Attaf and Tunisian Minister"),
                # nor a name with the office set off after it ("Rogozin, Deputy Prime Minister of Russia,").
                # A name inside the office set off before ("Envoy of Secretary-General X for ...")
                # may take its title from within it.
                after = last_office_end if last_office_end <= start else last_full_name_end
                candidate = self.candidate(start, end, after)
                if office_holder is not None and start < last_office_end == candidate.end \
                        and body.startswith(",", candidate.end) and (past_place or " " not in name) \
                        and not candidate.known:
                    # "X, Founder Chairman of Aster DM Healthcare, said", "X, Chairman of LuLu Group
                    # International,": the end of the body in X's office, not a name after a title.
                    continue
                if office_holder is not None and not candidate.titled and after == last_office_end:
                    candidate = self.title_from_office_before(candidate, office_holder, last_full_name_end)
                elif office_holder is not None and start < last_office_end == candidate.end \
                        and candidate.titled and candidate.speaks and not body.startswith(",", candidate.end):
                    # "... security of Central Europe, Minister of Foreign Affairs X said": an office
                    # closed by a name and its verb, with no comma, is that name's, not the word's before.
                    office_holder.drop_office()
                candidates.append(candidate)
                if len(candidate.tokens) > 1 or candidate.office_end:
                    last_full_name_end, last_office_end = end, max(end, candidate.office_end)
                    office_holder = candidate if candidate.office_end else None
        return candidates

    def title_from_office_before(self, candidate: _Candidate, holder: _Candidate, holder_end: int) -> _Candidate:
        """"Wang Yi, Minister of Foreign Affairs and International Cooperation of the Republic of
        Rwanda Olivier Nduhungirehe will ...": what looked like an office set off after the
        name before runs on into this name's title, so it is this name's, not that one's. So is
        the whole office when the name before has its own title, as in a list of titles and
        names ("the Ambassador of Azerbaijan, X, the Ambassador of Armenia, Y, and ...")."""
        titled = self.candidate(candidate.start, candidate.end, holder_end)
        office = re.sub(r"^(?:the|The)\s+", "", self.story.body[holder.end:holder.office_end].strip(" ,"))
        if not titled.titled or not titled.title.startswith(office) \
                or len(titled.title) <= len(office) and not holder.own_title:
            return candidate
        holder.drop_office()
        return titled

    def after_place(self, start: int, end: int, after: int) -> int:
        """Where a name beginning at `start` really begins, past the city, region or portfolio
        that closes the title before it: "Consul General in Lagos Yan Yuqing", "Governor of
        Mombasa X Y", "Minister for International Development and the Pacific Pat Conroy",
        "Minister for Law K Shanmugam"."""
        body = self.story.body
        space = body.find(" ", start, end)
        if space == -1 or body.find(" ", space + 1, end) == -1 or not body[space + 1].isupper():
            return start  # the name after the place needs two words of its own
        window = max(title_window(body, start), after)
        tail = self.story.gazetteer.title_tail.search(body, window, space + 1)
        return space + 1 if tail else start

    def add_titled_and_known(self, candidates: list[_Candidate]) -> None:
        """People the gazetteer knows, and full names with a title or a description."""
        titled = [c.tokens for c in candidates if (c.titled or c.speaks) and len(c.tokens) > 1]
        for candidate in candidates:
            tokens = candidate.tokens
            # "Sheikh Abdullah bin Zayed" after "Sheikh Abdullah bin Zayed Al Nahyan" is the same man, and
            # "Consul General González Gutiérrez" after "..., Carlos González Gutiérrez, announced".
            if candidate.known or candidate.titled and len(tokens) > 1 and not any(
                    len(other) > len(tokens) and _contains(other, tokens) for other in titled):
                self.add(candidate.name, candidate.title, candidate.known)

    def split_initials(self, candidates: list[_Candidate]) -> None:
        """"PCS Mudavadi said", "EAM Jaishankar": an office by its initials before the surname
        of someone the story has named is their title, not part of a name ("Pcs Mudavadi")."""
        body = self.story.body
        for candidate in candidates:
            space = body.find(" ", candidate.start, candidate.end)
            if space == -1 or not body[candidate.start:space].isupper() or candidate.key in self.by_name:
                continue
            rest = body[space + 1:candidate.end]
            if self.by_name.get(person_key(rest)) is None and self.resolve_partial(rest) is None:
                continue
            candidate.title, candidate.titled = body[candidate.start:space], True
            candidate.start, candidate.name = space + 1, display_name(rest)
            candidate.key = person_key(candidate.name)
            candidate.tokens = tuple(candidate.key.split())

    def add_speakers_and_met(self, candidates: list[_Candidate]) -> None:
        """Full names that speak or are met, or whose surname is titled or speaks elsewhere."""
        speaking_parts = {c.key for c in candidates if c.speaks}
        titled_parts = {c.key for c in candidates if c.titled and len(c.tokens) == 1}
        for candidate in candidates:
            tokens = candidate.tokens
            # "to Bassirou Diomaye Faye ... President-elect Faye": a surname titled or speaking.
            spoken_of = tokens[0] in speaking_parts or tokens[-1] in speaking_parts or tokens[-1] in titled_parts
            if not candidate.known and len(tokens) > 1 and (candidate.speaks or candidate.met or spoken_of) \
                    and candidate.key not in self.by_name and self.resolve_partial(candidate.name, tokens) is None:
                self.add(candidate.name, candidate.title, None)

    def add_mentions(self, candidates: list[_Candidate]) -> None:
        """A mention for every candidate that is one of the story's people (a lone titled or
        speaking word becomes one), with the country an "of" after the name gives."""
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        for candidate in candidates:
            index = self.by_name.get(person_key(candidate.known.name) if candidate.known else candidate.key)
            if index is None:
                index = self.resolve_partial(candidate.name, candidate.tokens)
            # A lone capitalised word opening a sentence may be any word ("Coastal states ..."), and
            # one opening a reported clause a place or a body ("Wenge said Morobe welcomed ...").
            if index is None and (candidate.titled or candidate.speaks and not (
                    " " not in candidate.name and (_is_sentence_start(body, candidate.start)
                                                   or _opens_reported_clause(body, candidate.start)))):
                index = self.add(candidate.name, candidate.title, None)
            if index is None:
                continue
            person = story.people[index]
            person.gender = person.gender or candidate.gender
            if person.country is None:
                # "King Abdullah II of Jordan"
                of_country = OF_COUNTRY.match(body, candidate.end)
                country = of_country and gazetteer.country_pattern.match(body, of_country.end())
                if country:
                    person.country = gazetteer.country_by_name.get(country.group())
            start = candidate.start
            # "said Minister van Klaveren": the particles before a surname are part of the mention.
            if (particles := LEADING_PARTICLES.search(body, max(0, start - 16), start)) \
                    and f"{particles.group()}{candidate.name}" in person.name:
                start = particles.start()
            mention = Mention(start, candidate.end, index, _without_honorific(candidate.title),
                              candidate.office)
            story.mentions.append(mention)
            story.mention_end[candidate.end] = mention

    def add_from_headline(self, title: str) -> None:
        """Titled people the headline alone names ("Spokesperson Mao Ning's Press Conference"),
        without the headline's verbs and nouns in title case ("... Presents Credentials"), or
        whom the body names by surname alone."""
        gazetteer = self.story.gazetteer
        for run in NAME_RUN.finditer(title):
            for start, end, _ in split_run(run, gazetteer.non_name_words):
                name = display_name(title[start:end])
                if person_key(name) in self.by_name or self.resolve_partial(name) is not None \
                        or self.starts_with_person(name):
                    continue
                end = self.headline_name_end(title, start, end)
                name = display_name(title[start:end])
                if person_key(name) in self.by_name or self.resolve_partial(name) is not None:
                    continue
                tail = gazetteer.title_tail.search(title, max(0, start - 250), start)
                # "... Briefing by Stéphane Dujarric, Spokesman for Secretary-General António Guterres"
                office = None if tail else gazetteer.appositive.match(title, end)
                known = gazetteer.person_by_name.get(person_key(name))
                if known or ((tail or office) and len(name.split()) > 1):
                    found_title = title_before(tail) or (office.group("title") if office else "")
                    if known or not self.complete_surname(name, found_title):
                        self.add(name, found_title, known)

    def complete_surname(self, name: str, title: str) -> bool:
        """Whether the full name the headline gives ("Press Conference by Foreign Minister
        IWAYA Takeshi") completes a person the body names by surname alone ("Minister Iwaya: ..."):
        that person takes the full name, and no second person is made."""
        tokens = tuple(person_key(name).split())
        for index, person in enumerate(self.story.people):
            if len(person.tokens) == 1 and person.tokens[0] in (tokens[0], tokens[-1]) and person.known_key is None:
                person.name, person.tokens, person.title = name, tokens, title or person.title
                self.by_name[person_key(name)] = index
                return True
        return False

    def add_acronym_mentions(self) -> None:
        """"EAM highlighted ...", "FM Retno": an office by its initials stands for the one
        person in the story whose title has them ("External Affairs Minister Dr. S. Jaishankar")."""
        story, body = self.story, self.story.body
        holders: dict[str, set[int]] = {}
        for index, person in enumerate(story.people):
            for acronym in title_acronyms(person.title):
                holders.setdefault(acronym, set()).add(index)
        named = [(mention.start, mention.end) for mention in story.mentions]
        for acronym, people in holders.items():
            # Two Prime Ministers: "PM" could be either. "US" is a country, not an Under Secretary.
            if len(people) > 1 or acronym in story.gazetteer.country_by_name:
                continue
            [person] = people
            position = body.find(acronym)
            while position != -1:
                end = position + len(acronym)
                after_time = body[max(0, position - 2):position].strip()[-1:].isdigit()  # "3 PM"
                if _stands_alone(body, position, end) and not after_time \
                        and not any(s <= position < e for s, e in named):
                    mention = Mention(position, end, person, acronym)
                    story.mentions.append(mention)
                    story.mention_end[end] = mention
                position = body.find(acronym, end)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word of its own, not part of "EAMs" or "PM-led"."""
    def joins(char):
        return char.isalnum() or char in "-_'’"
    return not (start and joins(text[start - 1]) or end < len(text) and joins(text[end]))


