"""Find the countries, people and attributed statements in a diplomatic news story.

Plain Python with explainable rules, so that editors only confirm what is found:

- countries: every name, alias or demonym from the gazetteer (one trie-shaped regex);
- people: runs of capitalised name tokens, split at words that cannot be part of a name
  (titles, countries, organisations, months...), kept when a title or honorific precedes
  them, a title follows them as an appositive, they speak or meet, or the gazetteer knows
  them; a lone surname resolves to the person of the story who bears it;
- statements: one per attribution cue ("said", "pointed out", "Noting that ...") whose
  subject is a person, a pronoun or "the <title>"; the statement runs to the end of the
  sentence and takes in the following sentences of the paragraph until another
  attribution. Press conferences give one statement per answer.

Everything that does not depend on the story is compiled once, in `Gazetteer`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from articles.country_aliases import COUNTRY_ALIASES


@dataclass(frozen=True)
class CountryEntry:
    code: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class PersonEntry:
    key: object
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class FoundPerson:
    name: str
    title: str
    country: str | None
    known_key: object | None  # None: a new person, to be reviewed by an editor


@dataclass(frozen=True)
class FoundStatement:
    speaker: str
    speaker_title: str
    cue: str
    kind: str  # "direct" | "indirect" | "mixed"
    text: str
    start: int
    end: int
    paragraph: int
    countries: tuple[str, ...]
    audience: str = ""
    on_behalf_of: str = ""


@dataclass(frozen=True)
class Extraction:
    people: tuple[FoundPerson, ...]
    countries: tuple[str, ...]
    statements: tuple[FoundStatement, ...]


# --- vocabulary -------------------------------------------------------------------------

# Geographic names that contain a country name or adjective but are not a country.
NON_COUNTRY_NAMES = (
    "South China Sea", "East China Sea", "Indian Ocean", "Korean Peninsula", "New Jersey",
    "New Guinea", "Gulf of Guinea", "Latin America", "Latin American", "South America",
    "South American", "North America", "North American", "Central America",
    "Central American", "the Americas", "Pan-American", "Indo-Pacific",
)

# Title heads: the word that makes the words before a name a title.
TITLE_HEADS = (
    "President", "President-elect", "Vice-President", "Premier", "Vice-Premier", "Minister",
    "Minister-Counselor", "Councilor", "Councillor", "Ambassador", "Spokesperson",
    "Spokesman", "Spokeswoman", "Secretary-General", "Secretary", "King", "Queen", "Prince",
    "Princess", "Emir", "Sultan", "Sheikh", "Chairman", "Chairwoman", "Chairperson",
    "Chair", "Chancellor", "Governor", "Mayor", "Senator", "Speaker", "Director-General",
    "Director", "Envoy", "Representative", "Counselor", "Counsellor", "Consul-General",
    "Consul", "Commissioner", "Executive", "Leader", "Head", "General", "Admiral", "Colonel",
    "Marshal", "Commander", "Pope", "Ayatollah", "Justice", "Judge", "Professor", "Prof.",
    "Member", "Lawmaker", "Deputy", "Officer", "Official", "Attaché", "d'Affaires",
    "d’Affaires", "CEO", "Founder", "Excellency", "Monarch", "Emperor", "Regent", "Dean",
    "Mufti", "Patriarch", "Archbishop", "Bishop", "Cardinal", "Captain", "Lieutenant",
    "Major", "Brigadier", "Vice-Chairman", "Vice-Chairperson", "Coordinator", "Administrator",
)
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "H.E.", "Madam", "Madame", "Sir")

# Capitalised words that never belong to a person's name; they split a run of capitals.
NON_NAME_WORDS = frozenset("""
Vice Deputy Assistant Acting Former First Senior Executive Special Permanent Chief Foreign
Prime State Ministry Ministerial Regional Provincial Party Grand Crown High Under Supreme
Federal National Resident Honorary Central Political Bureau Standing Office Affairs Commerce
Defense Defence Finance Trade Interior Security Development Economic Economy Cooperation
Initiative Corridor Nations Union Organization Organisation Council Committee Commission Forum
Bank Road Belt Government University Summit Conference Association Agency Fund Programme
Program Congress Assembly Parliament Senate Court Group Institute Center Centre Company
Corporation Department Embassy Consulate Secretariat Alliance Community Partnership Treaty
Agreement Declaration Charter Strategy Plan Vision Dialogue Mechanism Zone Port Airport Railway
Project Park Games Olympics Cup Festival Year Day Week Relations Civilization Peninsula Sea
Ocean Gulf Strait Island Islands River Province Region City County Square Hall House Palace
Kremlin White Times News Daily Post Xinhua Reuters Press Journal Herald Television Radio Global
Republic Kingdom Federation Emirates People Peoples Communist Revolution Initiatives Regular
Meeting Talks Talk Call Phone Video Visit Session Ceremony Reception Briefing Remarks Speech
Statement Joint Communique Press Q A The A An This That These Those It Its He She His Her We
Our They Their You Your I On In At During After Before When While As Both All Some Many Each
Every Also And But Or Of For To With From By Upon Since Following Noting Stressing Emphasizing
Emphasising Pointing Adding Saying Reiterating Underlining Underscoring Highlighting Expressing
Welcoming Recalling Calling Hoping Regarding Asked Meanwhile However Moreover Furthermore
Besides Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Meets Met Holds Held Has Had Attends Speaks Calls Visits Says Said Sends Receives Urges
Congratulates Stresses Hosts Chairs Delivers Addresses Exchanges Answers Signs Pays Co-chairs
Beijing Islamabad Moscow Washington Tokyo London Paris Berlin Brussels Geneva Kabul Tehran
Delhi Seoul Pyongyang Hanoi Bangkok Jakarta Manila Canberra Ottawa Brasilia Riyadh Doha Cairo
Ankara Astana Tashkent Kiev Kyiv Minsk Belgrade Budapest Rome Madrid Vienna Lisbon Shanghai
Nairobi Addis Ababa Abuja Pretoria Havana Caracas Lima Karachi Lahore Dhaka Colombo Kathmandu
Officials Experts Analysts Sources Observers Leaders Participants Reporters Journalists
Delegates Representatives Members Students Everyone Others Spokesperson Spokesman Side Sides
Mission Delegation Talks Framework Outlook Initiative Excellency Majesty Highness Royal
Lunar Spring New Ministers Presidents Heads Chairs Energy Health Education Culture Justice
Agriculture Industry Technology Science Planning Public Information Commercial
""".split()) | frozenset(TITLE_HEADS) | frozenset(HONORIFICS)

# Words that are surnames right after a title ("Vice Premier He Lifeng").
AMBIGUOUS_SURNAMES = frozenset({"He", "May", "Jordan", "Chad", "Georgia"})
# Words that end an organisation's name: the capitalised words before them are not a person.
ORGANISATION_WORDS = frozenset("""
Initiative Corridor Nations Union Organization Organisation Council Committee Commission Forum
Bank Government University Summit Conference Association Agency Fund Programme Program Congress
Assembly Parliament Senate Court Group Institute Center Centre Company Corporation Department
Embassy Consulate Secretariat Alliance Community Partnership Treaty Agreement Declaration Charter
Strategy Plan Vision Dialogue Mechanism Zone Port Airport Railway Project Park Games Festival
Hall Palace Square House Times News Daily Post Ministry Office Bureau Party Sea Ocean Peninsula
Islands Island River Province Region Meeting Cooperation Expo Exhibition Fair Road
""".split())
# Name particles written in lower case inside a name ("Mohammed bin Salman", "van der Leyen").
NAME_PARTICLES = ("bin", "binti", "bint", "ibn", "al", "el", "de", "da", "di", "do", "dos",
                  "das", "del", "della", "der", "den", "van", "von", "la", "le", "du", "ben", "abu")

# Attribution cues as printed -> the cue recorded on the statement.
CUES = {
    "said": "said", "says": "said", "stated": "stated", "states": "stated",
    "noted": "noted", "notes": "noted", "pointed out": "pointed out",
    "points out": "pointed out", "stressed": "stressed", "stresses": "stressed",
    "emphasized": "emphasized", "emphasised": "emphasized", "emphasizes": "emphasized",
    "underscored": "underscored", "underlined": "underlined", "highlighted": "highlighted",
    "expressed": "expressed", "expresses": "expressed", "hoped": "hoped", "hopes": "hoped",
    "welcomed": "welcomed", "welcomes": "welcomed", "thanked": "thanked", "thanks": "thanked",
    "congratulated": "congratulated", "asked": "asked", "conveyed": "conveyed",
    "extended": "extended", "added": "added", "agreed": "agreed", "called for": "called for",
    "called on": "called on", "urged": "urged", "reaffirmed": "reaffirmed",
    "reiterated": "reiterated", "affirmed": "affirmed", "spoke highly of": "spoke highly of",
    "praised": "praised", "commended": "commended", "appreciated": "appreciated",
    "told": "told", "assured": "assured", "recalled": "recalled", "proposed": "proposed",
    "suggested": "suggested", "believed": "believed", "believes": "believed",
    "announced": "announced", "explained": "explained", "remarked": "remarked",
    "observed": "observed", "maintained": "maintained", "insisted": "insisted",
    "warned": "warned", "acknowledged": "acknowledged", "wished": "wished",
    "invited": "invited", "briefed": "briefed", "elaborated on": "elaborated on",
    "introduced": "introduced", "put forward": "put forward", "voiced": "voiced",
    "denounced": "denounced", "condemned": "condemned",
    "urges": "urged", "adds": "added",
}
# Participles that open or continue a statement: "Noting that ..., X said ...".
PARTICIPLES = {
    "noting": "noted", "stressing": "stressed", "emphasizing": "emphasized",
    "emphasising": "emphasized", "pointing out": "pointed out", "adding": "added",
    "saying": "said", "reiterating": "reiterated", "underlining": "underlined",
    "underscoring": "underscored", "highlighting": "highlighted", "expressing": "expressed",
    "welcoming": "welcomed", "recalling": "recalled", "calling for": "called for",
    "calling on": "called on", "hoping": "hoped", "stating": "stated",
}
# Cues whose object is the person spoken to ("thanked Alvi for ...").
AUDIENCE_CUES = frozenset({"asked", "told", "thanked", "congratulated", "urged", "invited",
                           "briefed", "assured", "called on"})
# Verbs of the narrative: their subject becomes the person "he" or "she" refers to.
NARRATIVE_VERBS = ("met", "meets", "held", "holds", "had", "received", "receives", "visited",
                   "attended", "chaired", "co-chaired", "spoke", "delivered", "sent", "paid",
                   "hosted", "answered", "presided", "signed", "witnessed", "arrived", "left")
# Subjects that are groups: "Both sides agreed ..." is nobody's statement.
GROUP_SUBJECT = re.compile(
    r"(?:\b(?:both|all|the(?:\s+(?:two|three|four|five|several))?)\s+(?:sides|parties|leaders|countries|ministers|delegations"
    r"|presidents|heads of state|governments|foreign ministers)|\b(?:they|we|both)|\bthe\s+\w+\s+side)"
    r"\s*$", re.IGNORECASE)
ADVERBS = r"(?:also|further|then|again|once again|in turn|repeatedly|particularly|specifically|" \
          r"especially|firmly|highly|sincerely|warmly|fully|briefly|first|finally|later|earlier|" \
          r"furthermore|moreover|additionally|clearly|solemnly|strongly|explicitly)"
PRONOUN_SUBJECT = re.compile(r"(?:^|[\s,])(He|She|he|she)$")
CLAUSE_SEPARATOR = re.compile(r"(?:,\s+(?:and|while|whereas)|;)\s+(?:\S+\s+){0,6}?$")
GREETING_WORDS = re.compile(r"\b(?:greetings|regards|wishes|congratulations|message|condolences|"
                            r"invitation|letter)\b")

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
NAME_TOKEN = (rf"(?:(?:al-|el-|Al-|El-|bin-)?[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+|['’][{UPPER}][{LOWER}]+)*"
              rf"|[{UPPER}]\.(?=\s[{UPPER}]))")
NAME_RUN = re.compile(
    rf"(?=[{UPPER}abe])(?<![\w'’-]){NAME_TOKEN}(?:[ ]+(?:(?:{'|'.join(NAME_PARTICLES)})[ ]+)*{NAME_TOKEN})*"
    r"(?:[ ]+(?:II|III|IV|VI|VII|VIII|Jr\.|Sr\.))?(?![\w-])")
# Regnal numbers belong to the name: "King Abdullah II".
TOKEN = re.compile(rf"{NAME_TOKEN}|\b(?:II|III|IV|VI|VII|VIII)\b")
QUOTE_CHARS = "\"“”"
QUOTED_SEGMENT = re.compile(r"[\"“]([^\"“”]+)[\"”]")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘(A-Z0-9])")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Lt|Col|Jr|Sr|Prof|Mt|vs|etc|Jan|Feb|"
                          r"Aug|Sept|Sep|Oct|Nov|Dec|Inc|Ltd|Co)|\b[A-Z]|\b[A-Z]\.[A-Z]|e\.g|i\.e)$")
PRESS_LABEL = re.compile(r"^(?P<label>Q|A|[A-Z][\w.&'’/ -]{0,48}?)\s*[:：]\s+")
SPOKESPERSON_WORDS = re.compile(r"\bspokes(?:person|man|woman)\b", re.IGNORECASE)
AFTER_CUE = re.compile(r"\s*[,:]?\s*(?:that\s+)?")
PREPOSITIONAL_THAT = re.compile(
    r"\s*(?:,\s*)?(?:in|at|on|during|while|when|before|after|to|with|from|over|via|through)\b"
    r"[^.;:\"“]{0,120}?\bthat\s+")
OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
OBJECT_THAT = re.compile(r"\s+(?:[\w'’.-]+\s+){1,5}?that\s+")
# Words after which a name is the person met: "met with visiting Sergey Lavrov".
MEETING_WORDS = frozenset({"met", "meets", "meeting", "talks", "call", "spoke", "conversation",
                           "received", "receives", "with", "and"})
MEETING_ADJECTIVES = frozenset({"visiting", "new", "incoming"})
HONORIFIC_TAIL = re.compile(r"(?:^|\s+)(?:Mr|Mrs|Ms|Dr|H\.E|Madam|Madame|Sir)\.?$")
POSSESSIVE = re.compile(r"['’]s\b")


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation shaped as a trie, so matching a large name list stays fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if optional:
            body = (body if body.startswith("(?:") and body.endswith(")") else "(?:" + body + ")") + "?"
        return body

    return render(trie)


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


class Gazetteer:
    """Country names and known people, compiled once and reused for every story."""

    def __init__(self, countries: Iterable[CountryEntry], people: Iterable[PersonEntry] = ()):
        self.country_entries = tuple(countries)
        self.country_by_name: dict[str, str | None] = {}
        for entry in self.country_entries:
            for name in entry.names:
                # pycountry's "Iran, Islamic Republic of" is never printed in a story.
                if name and "," not in name and "(" not in name:
                    self.country_by_name.setdefault(name, entry.code)
                    if name.startswith("the "):
                        self.country_by_name.setdefault("The " + name[4:], entry.code)
        for name in NON_COUNTRY_NAMES:
            self.country_by_name[name] = None
        initials = re.escape("".join(sorted({name[0] for name in self.country_by_name})))
        # The leading class lets the regex engine skip most positions quickly.
        self.country_pattern = re.compile(
            rf"(?=[{initials}])(?<!\w)(?:{_trie_pattern(self.country_by_name)})(?!\w)")
        country_words = {word for name in self.country_by_name for word in name.split()}
        self.non_name_words = NON_NAME_WORDS | country_words

        heads = _trie_pattern(TITLE_HEADS + HONORIFICS)
        # Titles stay within a line and a sentence: words carry no full stop, spaces no newline.
        qualifier = (r"(?!(?:When|The|On|In|At|During|After|Before|He|She|It|This|That|And|But|"
                     r"While|As|Both|Also|With|By|For|From|To)\b)[A-Z][\w'’-]*")
        org_word = r"[A-Z][\w'’-]*"
        head_phrase = rf"(?:{qualifier}[ ]+){{0,3}}(?:{heads})(?:[ ]+(?:of|to|for|at|in)[ ]+(?:the[ ]+)?" \
                      rf"{org_word}(?:(?:,?[ ]+(?:of|and|for|the|on|in))*[ ]+{org_word}){{0,10}})?"
        # Anchored at a name's first letter: "Chinese State Councilor and Foreign Minister ".
        self.title_tail = re.compile(
            rf"(?<![\w'’-])(?:(?:visiting|then|former|incoming|new|outgoing|current|acting)[ ]+)?"
            rf"(?P<title>{head_phrase}(?:,?[ ]+(?:and|&)[ ]+{head_phrase})*)[ ]+$")
        # "Wang Yi, Member of the Political Bureau ..., met": a title set off by commas.
        self.appositive = re.compile(
            rf",\s+(?P<title>(?:the\s+)?{head_phrase}(?:,?\s+(?:and|&)\s+{head_phrase})*)\s*(?=,|\s+(?:said|met|held))")

        cue_forms = sorted(CUES, key=len, reverse=True)
        cue_initials = re.escape("".join(sorted({cue[0] for cue in CUES})))
        self.cue_pattern = re.compile(rf"(?=[{cue_initials}])\b(?P<cue>{_trie_pattern(CUES)})\b")
        self.speaks = re.compile(
            rf"\s*,?\s*(?:{ADVERBS}\s+)*(?:(?:{'|'.join(map(re.escape, cue_forms))})|(?:{'|'.join(NARRATIVE_VERBS)}))\b")
        self.subject_tail = re.compile(rf"(?:\s*,?\s+{ADVERBS})*\s*$")
        self.participle_lead = re.compile(
            rf"(?P<cue>{'|'.join(p.capitalize() for p in sorted(PARTICIPLES, key=len, reverse=True))})"
            r"\s+(?:that\s+)?")
        self.participle_inner = re.compile(
            rf",\s+(?:and\s+)?(?P<cue>{'|'.join(sorted(PARTICIPLES, key=len, reverse=True))})\s+(?:that\s+)?"
            rf"|,?\s+and\s+(?:{ADVERBS}\s+)?(?P<verb>{'|'.join(cue_forms)})\s+(?:that\s+)?")
        self.narrative_verb = re.compile(
            rf"\s*(?:{ADVERBS}\s+)?(?:{'|'.join(NARRATIVE_VERBS)})\b")
        self.title_reference = re.compile(
            rf"\b(?:the|The)\s+(?P<title>(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{heads}|{heads.lower()}|spokesperson|president|minister|ambassador))\s*$")

        self.people = tuple(people)
        self.person_by_name: dict[str, PersonEntry] = {}
        for person in self.people:
            for name in (person.name, *person.aliases):
                self.person_by_name.setdefault(_fold(name), person)

    @classmethod
    def default(cls) -> Gazetteer:
        """Every ISO country with its pycountry names and our aliases; no people."""
        import pycountry

        entries = []
        for country in pycountry.countries:
            names = [country.name, getattr(country, "common_name", "")]
            names.extend(COUNTRY_ALIASES.get(country.alpha_2, ()))
            entries.append(CountryEntry(country.alpha_2, tuple(n for n in names if n)))
        return cls(entries)


# --- per-story work ---------------------------------------------------------------------

@dataclass
class _Person:
    name: str
    title: str = ""
    country: str | None = None
    known_key: object | None = None
    tokens: tuple[str, ...] = ()


@dataclass
class _Mention:
    start: int
    end: int
    person: int
    title: str = ""


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


@dataclass
class _Story:
    body: str
    gazetteer: Gazetteer
    people: list[_Person] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    mention_end: dict[int, _Mention] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)
    country_starts: list[int] = field(default_factory=list)
    countries: list[tuple[int, int, str]] = field(default_factory=list)


def _country_mentions(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    found = []
    for match in gazetteer.country_pattern.finditer(text):
        code = gazetteer.country_by_name.get(match.group())
        if code:
            found.append((match.start(), match.end(), code))
    return found


def _split_run(run: re.Match, non_name: frozenset) -> list[tuple[int, int]]:
    """Split a run of capitalised words at words that cannot be part of a name.

    A piece directly followed by an organisation word belongs to that organisation
    ("Southeast Asian Nations", "Great Hall"), and "He" after a title is a surname
    ("Vice Premier He Lifeng").
    """
    word = run.group()
    if " " not in word:  # most runs are one word: decide without tokenising
        return [] if word in non_name or word.split("-")[0] in non_name else [run.span()]
    pieces, piece_start, piece_end, previous = [], None, None, ""
    for token in TOKEN.finditer(run.string, run.start(), run.end()):
        word = token.group()
        is_name = not (word in non_name or word.split("-")[0] in non_name) or (
            word in AMBIGUOUS_SURNAMES and previous in TITLE_HEADS)
        if is_name:
            if piece_start is None:
                piece_start = token.start()
            piece_end = token.end()
        else:
            if piece_start is not None and word not in ORGANISATION_WORDS:
                pieces.append((piece_start, piece_end))
            piece_start = None
        previous = word
    if piece_start is not None:
        pieces.append((piece_start, piece_end))
    return pieces


def _is_met(body: str, start: int) -> bool:
    words = body[max(0, start - 40):start].split()[-2:]
    if words and words[-1] in MEETING_ADJECTIVES:
        words = words[:-1]
    return bool(words) and words[-1] in MEETING_WORDS


def _title_country(title: str, gazetteer: Gazetteer) -> str | None:
    """The country a title gives: "Pakistani President", "President of Pakistan"."""
    match = gazetteer.country_pattern.search(title)
    if not match:
        return None
    before = title[:match.start()]
    if re.search(r"\bto\s+(?:the\s+)?$", before):  # "Ambassador to Pakistan" is not Pakistani
        return None
    return gazetteer.country_by_name.get(match.group())


class _PeopleFinder:
    def __init__(self, story: _Story):
        self.story = story
        self.by_name: dict[str, int] = {}

    def add(self, name: str, title: str, known: PersonEntry | None) -> int:
        gazetteer = self.story.gazetteer
        if known:
            name = known.name
        title = HONORIFIC_TAIL.sub("", title)
        key = _fold(name)
        if key in self.by_name:
            index = self.by_name[key]
            person = self.story.people[index]
            if title and not person.title:
                person.title = title
                person.country = person.country or _title_country(title, gazetteer)
            return index
        person = _Person(name, title, (known.country if known else None) or _title_country(title, gazetteer),
                         known.key if known else None, tuple(_fold(name).split()))
        self.story.people.append(person)
        self.by_name[key] = len(self.story.people) - 1
        return self.by_name[key]

    def resolve_partial(self, name: str) -> int | None:
        """Part of the name of someone already named in the story: "Alvi", "Wang", "Lula"."""
        tokens = tuple(_fold(name).split())
        size = len(tokens)
        best, best_rank = None, 3
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
            else:
                continue
            if rank < best_rank:
                best, best_rank = index, rank
        return best

    def find(self, title: str) -> None:
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        candidates = []
        for run in NAME_RUN.finditer(body):
            for start, end in _split_run(run, gazetteer.non_name_words):
                name = body[start:end]
                if len(name.split()) > 6:
                    continue
                # A title always ends with a capitalised word: search for one only then.
                previous = body.rfind(" ", 0, max(0, start - 1)) + 1
                tail = gazetteer.title_tail.search(body, max(0, start - 250), start) \
                    if body[previous:previous + 1].isupper() else None
                person_title = tail.group("title") if tail else ""
                apposition = gazetteer.appositive.match(body, end) if body.startswith(",", end) else None
                if not person_title and apposition:
                    person_title = apposition.group("title")
                after = body[end:end + 40]
                speaks = bool(gazetteer.speaks.match(after))
                met = _is_met(body, start)
                candidates.append(_Candidate(start, end, name, person_title, bool(tail or apposition),
                                             gazetteer.person_by_name.get(_fold(name)), speaks, met))
        speaking_parts = {_fold(c.name) for c in candidates if c.speaks}

        # Titled and known people first, then people who speak or are met, so that a
        # shorter mention ("Mohammed bin Salman said") resolves to the full name.
        for candidate in candidates:
            if candidate.known or (candidate.titled and len(candidate.name.split()) > 1):
                self.add(candidate.name, candidate.title, candidate.known)
        for candidate in candidates:
            tokens = _fold(candidate.name).split()
            spoken_of = tokens[0] in speaking_parts or tokens[-1] in speaking_parts
            if not candidate.known and len(tokens) > 1 and (candidate.speaks or candidate.met or spoken_of) \
                    and _fold(candidate.name) not in self.by_name and self.resolve_partial(candidate.name) is None:
                self.add(candidate.name, candidate.title, None)
        for candidate in candidates:
            index = self.by_name.get(_fold(candidate.known.name if candidate.known else candidate.name))
            if index is None:
                index = self.resolve_partial(candidate.name)
            if index is None and (candidate.titled or candidate.speaks):
                index = self.add(candidate.name, candidate.title, None)
            if index is not None:
                person = story.people[index]
                if person.country is None:
                    # "King Abdullah II of Jordan"
                    of_country = OF_COUNTRY.match(body, candidate.end)
                    country = of_country and gazetteer.country_pattern.match(body, of_country.end())
                    if country:
                        person.country = gazetteer.country_by_name.get(country.group())
                mention = _Mention(candidate.start, candidate.end, index, HONORIFIC_TAIL.sub("", candidate.title))
                story.mentions.append(mention)
                story.mention_end[candidate.end] = mention

        # The headline adds titled people it alone names ("Spokesperson Mao Ning's Press Conference").
        for run in NAME_RUN.finditer(title):
            for start, end in _split_run(run, gazetteer.non_name_words):
                name = title[start:end]
                if _fold(name) in self.by_name or self.resolve_partial(name) is not None:
                    continue
                tail = gazetteer.title_tail.search(title, max(0, start - 250), start)
                known = gazetteer.person_by_name.get(_fold(name))
                if known or (tail and len(name.split()) > 1):
                    self.add(name, tail.group("title") if tail else "", known)
        story.mentions.sort(key=lambda mention: mention.start)
        story.mention_starts = [mention.start for mention in story.mentions]


def _sentences(paragraph: str, offset: int) -> list[tuple[int, int]]:
    """Sentence spans in the body; a sentence never ends inside quotation marks."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        end = match.end()
        segment = paragraph[start:end]
        if ABBREVIATION.search(paragraph, max(start, match.start() - 6), match.start()):
            continue
        if segment.count('"') % 2 or segment.count("“") > segment.count("”"):
            continue
        spans.append((offset + start, offset + end))
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if start < len(paragraph.rstrip()):
        spans.append((offset + start, offset + len(paragraph.rstrip())))
    return spans


def _kind(text: str) -> str:
    quoted = QUOTED_SEGMENT.findall(text)
    if not quoted:
        return "indirect"
    inside = sum(len(segment) for segment in quoted)
    letters = len(text.strip(" .,;" + QUOTE_CHARS))
    if text.lstrip()[:1] in "\"“" and inside >= 0.9 * letters:
        return "direct"
    # One or two quoted words are a term ("ironclad" friendship), not the speaker's words.
    if any(len(segment.split()) >= 3 for segment in quoted):
        return "mixed"
    return "indirect"


@dataclass
class _Open:
    """A statement being built: its text grows by following sentences."""
    speaker: int
    title: str
    cue: str
    start: int
    end: int
    paragraph: int
    kind: str = ""


class _StatementFinder:
    def __init__(self, story: _Story):
        self.story = story
        self.last_subject: int | None = None
        self.found: list[_Open] = []

    def subject_before(self, sentence_start: int, cue_start: int) -> tuple[str, int | None, str, int]:
        """What stands before a cue: ("person"|"group"|"none", person index, title, subject start)."""
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        tail = gazetteer.subject_tail.search(body, max(sentence_start, cue_start - 60), cue_start)
        cut = tail.start() if tail else cue_start
        mention = story.mention_end.get(cut)
        if mention and mention.start >= sentence_start:
            return "person", mention.person, mention.title, mention.start
        prefix_start = max(sentence_start, cut - 80)
        prefix = body[prefix_start:cut]
        pronoun = PRONOUN_SUBJECT.search(prefix)
        if pronoun:
            if self.last_subject is None:
                return "none", None, "", cut
            return "person", self.last_subject, "", prefix_start + pronoun.start(1)
        if GROUP_SUBJECT.search(prefix):
            return "group", None, "", cut
        reference = gazetteer.title_reference.search(prefix)
        if reference:
            index = self.by_title(reference.group("title"), cut)
            if index is not None:
                return "person", index, reference.group("title"), prefix_start + reference.start()
        sentence_mentions = [m for m in story.mentions if sentence_start <= m.start and m.end < cut]
        # "Wang Yi, Member of the Political Bureau ..., said": subject set off by an apposition.
        if prefix.endswith(",") and sentence_mentions:
            mention = sentence_mentions[-1]
            between = body[mention.end:cut]
            lead = body[sentence_start:mention.start]
            if between.startswith(",") and '"' not in between and (not lead.strip() or lead.rstrip().endswith(",")):
                return "person", mention.person, mention.title, mention.start
        # "Xie Feng arrived in New York and told reporters": the sentence's subject speaks.
        if prefix.endswith(" and") and sentence_mentions:
            mention = sentence_mentions[0]
            if gazetteer.speaks.match(body, mention.end):
                return "person", mention.person, mention.title, mention.start
        return "none", None, "", cut

    def subject_after(self, cue_end: int, end: int) -> tuple[int | None, str]:
        """'"...," said Ambassador Zheng.': the speaker named right after the cue."""
        for mention in self.story.mentions:
            if cue_end <= mention.start < end:
                between = self.story.body[cue_end:mention.start]
                if len(between) < 60 and not re.search(r"\b[a-z]{3,}\b", between.replace("the ", "")):
                    return mention.person, mention.title or between.strip()
                break
        return None, ""

    def by_title(self, title: str, before: int) -> int | None:
        """The person last mentioned with this title: "the Egyptian Foreign Minister"."""
        head = title.casefold().split()[-1]
        country = _title_country(title, self.story.gazetteer)
        best, best_rank = None, 2
        for mention in self.story.mentions:
            if mention.start >= before:
                break
            person = self.story.people[mention.person]
            if head not in person.title.casefold().split():
                continue
            rank = 0 if person.country == country else 1 if not country or person.country is None else 2
            if rank <= best_rank:
                best, best_rank = mention.person, rank
        return best if best_rank < 2 else None

    def open(self, speaker, title, cue, start, end, paragraph) -> _Open:
        statement = _Open(speaker, title, cue, start, end, paragraph)
        self.found.append(statement)
        self.last_subject = speaker
        return statement

    def text_start(self, cue: str, position: int, end: int) -> int:
        body = self.story.body
        if cue in AUDIENCE_CUES:
            told = OBJECT_THAT.match(body, position, end)  # "told reporters that ..."
            if told:
                return told.end()
        detour = PREPOSITIONAL_THAT.match(body, position, end)
        if detour:
            return detour.end()
        return AFTER_CUE.match(body, position, end).end()

    def paragraph(self, index: int, start: int, end: int) -> None:
        current: _Open | None = None
        for sentence_start, sentence_end in _sentences(self.story.body[start:end], start):
            opened = self.sentence(index, sentence_start, sentence_end)
            if opened is None and current is not None:
                # A sentence without attribution continues the reported speech, unless it narrates.
                if self.closes(sentence_start, sentence_end):
                    current = None
                else:
                    current.end = sentence_end
            elif opened is not None:
                current = opened or None

    def closes(self, start: int, end: int) -> bool:
        """A narrative sentence ends the reported speech before it."""
        sentence = self.story.body[start:end]
        return bool(re.match(r"(?:The two|Both) (?:sides|leaders|ministers|parties)\s+(?:also\s+)?"
                             r"(?:exchanged|signed|held|witnessed|attended|met)", sentence)
                    or re.match(r"(?:Present at|Also present|Attending|Prior to|Before the|After the)", sentence))

    def sentence(self, paragraph: int, start: int, end: int):
        """Statements opened by one sentence: the last one, False for none, None if no cue."""
        body, gazetteer = self.story.body, self.story.gazetteer
        opened: list[_Open] = []
        participle = gazetteer.participle_lead.match(body, start, end)
        saw_cue = False
        for cue_match in gazetteer.cue_pattern.finditer(body, start, end):
            saw_cue = True
            kind, speaker, title, subject_start = self.subject_before(start, cue_match.start())
            if kind == "group":
                if opened:
                    break
                return False
            if opened:
                # "Meredov noted that ..., and Saidov said that ...": a new subject, a new statement.
                separator = CLAUSE_SEPARATOR.search(body, opened[-1].start, subject_start)
                if kind != "person" or speaker is None or not separator:
                    continue
                opened[-1].end = separator.start()
            cue = CUES[cue_match.group("cue")]
            text_start = self.text_start(cue, cue_match.end(), end)
            if kind != "person" or speaker is None:
                if body[start] not in QUOTE_CHARS:
                    continue
                speaker, title = self.subject_after(cue_match.end(), end)
                if speaker is None:
                    continue
                subject_start = cue_match.start()
                text_start = end
            if participle and not opened:
                comma = body.rfind(",", start, subject_start)
                self.open(speaker, title, PARTICIPLES[participle.group("cue").lower()],
                          participle.end(), comma, paragraph)
            leading_quote = body[start] in QUOTE_CHARS and body.find(body[start], start + 1, subject_start) != -1
            if not body[text_start:end].strip(" .,;!?" + QUOTE_CHARS) or leading_quote:
                # '"We are ready," Wang said.' or '..., he said.': the words before are the text.
                text_end = subject_start
                if leading_quote:
                    text_end = max(body.rfind(char, start + 1, subject_start) for char in QUOTE_CHARS) + 1
                statement = self.open(speaker, title, cue, start, text_end, paragraph)
                if leading_quote:
                    statement.kind = "direct"
                opened.append(statement)
                continue
            opened.append(self.open(speaker, title, cue, text_start, end, paragraph))
            self.split_coordinated(opened, end)
        if not opened:
            self.note_subject(start, end)
            return False if saw_cue else None
        return opened[-1]

    def split_coordinated(self, opened: list[_Open], end: int) -> None:
        """"He said ... , adding that ...": a second cue of the same speaker in one sentence."""
        body, gazetteer = self.story.body, self.story.gazetteer
        statement = opened[-1]
        for match in gazetteer.participle_inner.finditer(body, statement.start, end):
            if body.count('"', statement.start, match.start()) % 2:
                continue
            cue = PARTICIPLES[match.group("cue")] if match.group("cue") else CUES[match.group("verb")]
            statement.end = match.start()
            statement = self.open(statement.speaker, statement.title, cue, match.end(), end, statement.paragraph)
            opened.append(statement)

    def note_subject(self, start: int, end: int) -> None:
        """Remember who the sentence is about, for a later "He said"."""
        mentions = self.story.mentions
        for mention in mentions[bisect_left(self.story.mention_starts, start):]:
            if mention.start >= start:
                if mention.start < end and not self.story.body[start:mention.start].strip(" ,").count(" ") > 8:
                    if self.story.gazetteer.narrative_verb.match(self.story.body, mention.end):
                        self.last_subject = mention.person
                break


def _press_conference(story: _Story, paragraphs: Sequence[str], offsets: list[int],
                      finder: _PeopleFinder) -> tuple[set[int], list[_Open]]:
    """Paragraph indexes of the questions and answers, and one statement per answer."""
    labels = [PRESS_LABEL.match(paragraph) for paragraph in paragraphs]
    spokesperson = next((index for index, person in enumerate(story.people)
                         if SPOKESPERSON_WORDS.search(person.title)), None)

    def answer_speaker(label: str) -> int | None | bool:
        if label == "A" or SPOKESPERSON_WORDS.fullmatch(label):
            return spokesperson if spokesperson is not None else False
        index = finder.by_name.get(_fold(label))
        if index is None:
            index = finder.resolve_partial(label)
        if index is None and label.split()[0] not in story.gazetteer.non_name_words \
                and len(label.split()) in (2, 3) and spokesperson is None:
            index = finder.add(label, "Spokesperson", None)
        return index if index is not None else None

    speakers = [answer_speaker(label.group("label")) if label else None for label in labels]
    is_press = any(label and label.group("label") == "Q" for label in labels) or any(
        speaker is not None and speaker is not False for speaker in speakers)
    if not is_press:
        return set(), []
    covered: set[int] = set()
    answers: list[_Open] = []
    current: _Open | None = None
    for index, (paragraph, label) in enumerate(zip(paragraphs, labels)):
        if label:
            covered.add(index)
            speaker = speakers[index]
            current = None
            if speaker is not None and speaker is not False:
                current = _Open(speaker, story.people[speaker].title, "said", offsets[index] + label.end(),
                                offsets[index] + len(paragraph.rstrip()), index, "direct")
                answers.append(current)
        elif current is not None:
            covered.add(index)
            current.end = offsets[index] + len(paragraph.rstrip())
    return covered, answers


def _statement_details(story: _Story, statement: _Open) -> FoundStatement:
    body = story.body
    text = body[statement.start:statement.end]
    people = story.people
    audience = on_behalf_of = ""
    starts = story.mention_starts
    inside = story.mentions[bisect_left(starts, statement.start):bisect_left(starts, statement.end)]
    first_sentence_end = statement.start + len(text.split(". ")[0])
    if statement.cue in AUDIENCE_CUES and inside and inside[0].start - statement.start <= 30 \
            and not body[statement.start:inside[0].start].strip(" ,").count(" ") > 3:
        audience = people[inside[0].person].name
    if GREETING_WORDS.search(text[:first_sentence_end - statement.start]):
        for mention in inside:
            if mention.start >= first_sentence_end:
                break
            if POSSESSIVE.match(body, mention.end) or re.search(r"\bfrom\s+(?:\S+\s+){0,3}$", body[max(0, mention.start - 40):mention.start]):
                on_behalf_of = people[mention.person].name
                if people[mention.person].country is None:
                    people[mention.person].country = people[statement.speaker].country
            elif re.search(r"\bto\s+(?:\S+\s+){0,4}$", body[max(0, mention.start - 50):mention.start]) \
                    and people[mention.person].name != audience:
                if not audience:
                    audience = people[mention.person].name
                elif people[mention.person].country is None:
                    # "asked Qin Gang to convey his greetings to President Xi": Xi is Qin's leader.
                    relay = next(p for p in people if p.name == audience)
                    people[mention.person].country = relay.country
    first = bisect_left(story.country_starts, statement.start)
    countries = tuple(dict.fromkeys(code for start, end, code in story.countries[first:]
                                    if end <= statement.end))
    return FoundStatement(
        speaker=people[statement.speaker].name, speaker_title=statement.title, cue=statement.cue,
        kind=statement.kind or _kind(text), text=text, start=statement.start, end=statement.end,
        paragraph=statement.paragraph, countries=countries, audience=audience, on_behalf_of=on_behalf_of)


def _trim(story: _Story, statement: _Open) -> _Open:
    body = story.body
    while statement.end > statement.start and body[statement.end - 1] in " ,;\n":
        statement.end -= 1
    while statement.start < statement.end and body[statement.start].isspace():
        statement.start += 1
    return statement


def extract(title: str, paragraphs: Sequence[str], gazetteer: Gazetteer) -> Extraction:
    body = "\n\n".join(paragraphs)
    story = _Story(body, gazetteer)
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 2

    finder = _PeopleFinder(story)
    finder.find(title)
    # A country name inside a person's name ("Jordan Henderson") is not a country.
    story.countries = [(s, e, code) for s, e, code in _country_mentions(body, gazetteer)
                       if body[s:e] not in AMBIGUOUS_SURNAMES
                       or not any(m.start <= s and e <= m.end for m in story.mentions)]
    story.country_starts = [start for start, _, _ in story.countries]

    covered, answers = _press_conference(story, paragraphs, offsets, finder)
    statements = _StatementFinder(story)
    for index, paragraph in enumerate(paragraphs):
        if index not in covered:
            statements.paragraph(index, offsets[index], offsets[index] + len(paragraph))
    found = sorted(statements.found + answers, key=lambda statement: statement.start)
    found = [_trim(story, statement) for statement in found]
    details = [_statement_details(story, statement) for statement in found if statement.end > statement.start]

    countries = [code for _, _, code in _country_mentions(title, gazetteer)]
    countries += [code for _, _, code in story.countries]
    return Extraction(
        people=tuple(FoundPerson(p.name, p.title, p.country, p.known_key) for p in story.people),
        countries=tuple(dict.fromkeys(countries)),
        statements=tuple(details),
    )
