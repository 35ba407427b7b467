"""Find the countries, people and attributed statements in a diplomatic news story.

Plain Python with explainable rules, so that editors only confirm what is found:

- countries: every name, alias or demonym from the gazetteer (one trie-shaped regex),
  except in a currency ("US dollars");
- people: runs of capitalised name tokens (Latin letters with diacritics, inner apostrophes
  and hyphens, a leading okina as in "'Utoikamanu", initials, a surname in capitals before
  the given name as in "KAMIKAWA Yoko"), split at words that cannot be part of a name
  (titles, honorifics such as "Rt Hon", "Dame", "Shri", "Smt.", one-word countries,
  organisations, ministry portfolios, months, headline verbs such as "Conveys"...). A title
  word between or after name words stays in the name ("Hassan Sheikh Mohamud", "Ben King").
  A run is a person when a title or honorific precedes it ("Prime Minister X", "foreign
  minister X", "the Minister of Trade, X,", "the governor-general, Dame X,"), a description
  set off by commas follows it ("X, Algeria's foreign minister, said", "X, a senior fellow",
  "X, permanent secretary of ..."), it speaks (also "X of the United States said", "X has
  expressed"), it is met or called ("met with X", "telephoned X", "congratulated X"), it is
  listed with a person or after a plural of people ("the two ministers, X and Y"), its
  surname is titled or speaks elsewhere in the story, or the gazetteer knows it.
  Capitalised words after an organisation's "of"/"for" ("Treaty of Friendship"), before a
  place word ("Second Thomas Shoal") or after an event or place word ("Hurricane Beryl",
  "Mount Kenya"), country names, acronyms, names closing a clause after a place preposition
  ("in Mato Grosso, said"), and a lone word that opens a sentence, follows "the" or a place
  preposition are not people. Titles are kept without words of courtesy ("Her Excellency
  The Rt Hon Dame"), and an office set off by commas replaces a style ("Sheikh"). A lone
  surname resolves to the person of the story who bears it;
- statements: one per attribution cue ("said", "argued", "pointed out", "Noting that ...",
  "according to X"; after an auxiliary or modal too: "has expressed", "had said", "would
  stress") whose subject is a person, a pronoun or a title ("the Governor-General", "The
  prime minister", "His Excellency the Prime Minister"). The subject is the name before the
  cue, the first name of its clause when a description or relative clause of any length
  stands between them ("X, who met ... on Tuesday, later said"), the name before an
  affiliation ("X of the Institute for ... warned"), or the name or title right after the
  cue ('"...," said X', '"...," said the President'). A title resolves to the person who
  holds it in the story: the whole title phrase beats its head word ("Prime Minister and
  Minister of Foreign Affairs" for "the Prime Minister"), "her counterpart" holds the title
  of the person named before, and among equals the last subject, else the latest, wins.
  Two people joined by "and" ("X and her counterpart Y pledged") are a group, whose verb is
  nobody's statement. "He" or "she" is the last subject, unless that person is known to be
  of the other gender (an honorific, a gendered title, or an earlier pronoun after their own
  statement). Cues inside quotation marks and passive cues ("proposed by", "was welcomed")
  attribute nothing. The text is what follows the cue (without "that", a time such as "on
  Monday", or the audience of "told"), unless the cue says only when, where or to whom it
  was said ('"...," X told reporters.', "..., X said on Thursday during a visit."): then it
  is the words before, except after ", and" / ", but", which start a new clause ("..., and
  Minister Cho expressed his support"). An attribution inside a sentence ("The accession
  ..., she said, meant that ...") gives the whole sentence, attribution included, because a
  span is contiguous and the speech begins before it. A quotation split by its attribution
  is one statement. A second cue of the same speaker in the sentence (", adding that", "and
  said", "but stressed that", ", who added that") opens a second statement. The statement
  takes in the following sentences of the paragraph until another attribution or a
  narrating sentence. Press conferences give one statement per answer; a label names the
  speaker only when it holds a person of the story ("Spokesperson X:"), so outlets'
  questions ("Dawn News:") and other labels ("Issued by:") are no one's statements. "A:"
  answers the spokesperson or, in an interview, the person the introduction says speaks
  ("Kenya's envoy, X, spoke about ...").

Everything that does not depend on the story is compiled once, in `Gazetteer`.
"""

from __future__ import annotations

import functools
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
    "South China Sea", "East China Sea", "South China Seas", "East China Seas", "Indian Ocean", "Korean Peninsula", "New Jersey",
    "New Guinea", "Gulf of Guinea", "Latin America", "Latin American", "South America",
    "South American", "North America", "North American", "Central America",
    "Central American", "the Americas", "Pan-American", "Indo-Pacific", "Antarctic",
)

# Titles that name their holder after "the" ("His Highness the Amir said") but are given names
# too ("Amir Khan"), so they never split a name.
REFERENCE_HEADS = ("Amir",)

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
    "Governor-General", "Adviser", "Advisor", "Delegate", "Negotiator", "Candidate",
    "Sayyid", "Sayyida", "Seyed", "Seyyed", "FM", "EAM", "PM",
)
# Titles printed in lower case before a name ("foreign minister Penny Wong") and the words
# that qualify them; a small list, because lower-case words before a name are rarely a title.
LOWER_TITLE_HEADS = (
    "leader", "counterpart", "president", "president-elect", "vice-president", "premier", "minister",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "secretary", "secretary-general", "envoy",
    "chancellor", "commissioner", "director", "director-general", "chairman", "chairwoman",
    "chairperson", "governor", "mayor", "senator", "king", "queen", "prince", "emir", "sultan",
    "professor", "consul", "consul-general", "counsellor", "counselor", "adviser", "advisor",
    "delegate", "negotiator", "candidate", "head", "governor-general", "representative",
)
LOWER_TITLE_QUALIFIERS = (
    "foreign", "prime", "deputy", "vice", "state", "trade", "defence", "defense", "finance",
    "interior", "home", "former", "senior", "chief", "special", "acting", "outgoing", "incoming",
    "permanent", "assistant", "cabinet", "economy", "national", "security", "presidential",
    "ministry", "government", "policy", "affairs", "external",
)
# Nouns that make a description of a person: "a senior fellow at the institute".
PERSON_NOUNS = frozenset(LOWER_TITLE_HEADS) | frozenset("""
minister fellow researcher analyst expert scholar official diplomat lecturer economist journalist
correspondent head chief member leader founder chair officer representative negotiator lawmaker
legislator politician activist author editor dean rector ambassador spokesperson
""".split())
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "H.E.", "H.H.", "HE", "HH", "Madam", "Madame", "Sir",
              "Dame", "Lord", "Lady", "Rt", "Rt.", "Hon", "Hon.", "Honourable", "Honorable", "Shri",
              "Smt", "Smt.", "Shrimati", "Excellency")
# Words of courtesy that are never part of a title or a name: "Her Excellency The Rt Hon Dame".
COURTESY_WORDS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|H\.E|H\.H|HE|HH|Madam|Madame|Sir|Dame|Lord|Lady|Rt|Hon|Honourable|Honorable|Shri|Smt|Shrimati|"
    r"(?:His|Her|Their|Your)\s+(?:Excellency|Majesty|Highness|Royal\s+Highness)|Excellency)(?:\.|\b)")
# Titles of rank rather than office: an office set off after the name says more.
STYLE_TITLES = frozenset({"Sheikh", "Sheikha", "Prince", "Princess", "Sultan", "Emir", "Amir", "Sayyid"})
# Title words that are also given names or surnames ("Hassan Sheikh Mohamud", "Ben King",
# "Julie Bishop"): after a name word they continue the name.
NAME_TITLE_WORDS = frozenset({"Sheikh", "Sultan", "King", "Bishop", "Major", "Marshal", "Dean", "Judge",
                              "Prince", "Lord", "Emir"})
# Words that make the capitalised words after them an event or a place, not a person:
# "Hurricane Beryl", "Mount Kenya", "Lake Chad".
NAMED_THING_LEADS = frozenset("""
Hurricane Typhoon Cyclone Storm Tropical Operation Mount Mt Lake Cape Fort Port Camp Gate Station
Street Avenue Boulevard Bridge Tower Stadium Arena Terminal Highway Route
""".split())
# Words that end a place's name: "Second Thomas Shoal", "Scarborough Shoal", "Rio Grande Valley".
PLACE_WORDS = frozenset("""
Shoal Shoals Reef Reefs Atoll Bay Canal Valley Desert Plateau Mountains Mountain Hills Basin Delta
Coast Lagoon Cay Bank Ridge Rapids Falls Pass Heights Corridor Highlands Lowlands Steppe Forest Strip
Estate Estates District Municipality State
""".split())

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
Afterwards Later Earlier Separately Additionally Nevertheless Instead Overall Finally Then Now
Here There Thus Hence Indeed Yet Previously Currently Subsequently Recently Similarly Likewise
Integration Investment Tourism Environment Resources Transport Infrastructure Labour Labor
Employment Youth Sports Women Welfare Immigration Fisheries Mining Communications Governance
Expatriates Emigrants Emigration Diaspora Migration Migrants Refugees Nationals Citizens Compatriots
Minorities Institutions Organizations Organisations Intelligence Service Services Abroad Overseas
Worship Seniors Media Freedom Rights Peacebuilding Francophonie
Studies School Foundation Society Network Research Policy Academy Council
Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth
Conveys Expresses Extends Welcomes Thanks Condoles Discusses Launches Opens Reaffirms Announces
Condemns Praises Pledges Pledge Vows Rejects Hails Seeks Reviews Inaugurates Leads Concludes Begins
Arrives Departs Attends Receive Receives Meet Hold Host Hosts Call Urge Stress Stresses Reaffirm Discuss
Agree Agrees Sign Signs Welcome Mourns Visit Calls Greets Congratulate Condole Commits
""".split()) | frozenset(TITLE_HEADS) | frozenset(HONORIFICS) | NAMED_THING_LEADS | PLACE_WORDS

# '"...," said Josep Borrell': the name after the cue is its speaker.
INVERSION_CUES = frozenset({"said", "says", "added", "asked", "wrote", "noted", "stressed", "explained",
                            "warned"})
# What may follow the name of an inverted cue; the empty "verb" stands for the cue before it.
INVERTED = re.compile(r"(?P<verb>)(?=[,.;]|\s+(?:in|on|at|during|after|before|to|when|while)\b)")
# Honorifics and titles that tell a person's gender, for "he" and "she".
GENDERED_WORDS = {"Mr": "m", "Mr.": "m", "Sir": "m", "King": "m", "Prince": "m", "Emir": "m", "Sultan": "m",
                  "Emperor": "m", "Sheikh": "m", "Chairman": "m", "Spokesman": "m", "Ms": "f", "Ms.": "f",
                  "Mrs": "f", "Mrs.": "f", "Madam": "f", "Madame": "f", "Queen": "f", "Princess": "f",
                  "Chairwoman": "f", "Spokeswoman": "f", "Sheikha": "f", "Dame": "f", "Lady": "f",
                  "Lord": "m", "Smt": "f", "Smt.": "f", "Shrimati": "f"}
ARTICLES = frozenset({"the", "The", "a", "an"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "across", "outside", "inside"})
# Words of multi-word country names that are never part of a person's name.
GEOGRAPHIC_WORDS = frozenset("""
North South East West Northern Southern Eastern Western Central New United Democratic People's
Republic Islands Island Kingdom States Arab Emirates Federated Saint St. Great Equatorial Holy See Federal Islamic
Socialist Bolivarian Plurinational Sri Lanka Arabia Korea Zealand Africa African Guinea Leone
""".split())
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
Studies School Foundation Society Network Academy Governance
""".split()) | PLACE_WORDS
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
    "urges": "urged", "adds": "added", "argued": "argued", "argues": "argued",
    "contended": "contended", "cautioned": "cautioned", "declared": "declared",
    "confirmed": "confirmed", "indicated": "indicated", "replied": "replied",
    "responded": "responded", "wrote": "wrote", "vowed": "vowed", "pledged": "pledged",
    "promised": "promised", "recommended": "recommended", "conceded": "conceded",
    "admitted": "admitted", "claimed": "claimed", "asserted": "asserted", "lamented": "lamented",
    "regretted": "regretted", "underlines": "underlined", "warns": "warned",
    "insists": "insisted", "explains": "explained", "reiterates": "reiterated",
    "tells": "told", "calls for": "called for", "emphasises": "emphasized",
    "was quoted as saying": "said", "is quoted as saying": "said",
}
# Present-tense cues that are also plural nouns ("Coastal states", "the notes"): they
# attribute only to someone already known to be a person, never make one.
NOUN_LIKE_CUES = frozenset({"states", "notes", "thanks", "hopes", "stresses", "welcomes", "calls for"})
# Participles that open or continue a statement: "Noting that ..., X said ...".
PARTICIPLES = {
    "noting": "noted", "stressing": "stressed", "emphasizing": "emphasized",
    "emphasising": "emphasized", "pointing out": "pointed out", "adding": "added",
    "saying": "said", "reiterating": "reiterated", "underlining": "underlined",
    "underscoring": "underscored", "highlighting": "highlighted", "expressing": "expressed",
    "welcoming": "welcomed", "recalling": "recalled", "calling for": "called for",
    "calling on": "called on", "hoping": "hoped", "stating": "stated", "arguing": "argued",
    "warning": "warned", "urging": "urged", "insisting": "insisted", "explaining": "explained",
}
# Cues whose object is the person spoken to ("thanked Alvi for ...").
AUDIENCE_CUES = frozenset({"asked", "told", "thanked", "congratulated", "urged", "invited",
                           "briefed", "assured", "called on", "warned"})
# Verbs of the narrative: their subject becomes the person "he" or "she" refers to.
NARRATIVE_VERBS = ("met", "meets", "held", "holds", "had", "received", "receives", "visited",
                   "attended", "chaired", "co-chaired", "spoke", "delivered", "sent", "paid",
                   "hosted", "answered", "presided", "signed", "witnessed", "arrived", "left",
                   "wrote", "opened", "moderated", "led", "addressed", "telephoned", "phoned", "called")
# Subjects that are groups: "Both sides agreed ..." is nobody's statement.
GROUP_SUBJECT = re.compile(
    r"(?:\b(?:both|all|the(?:\s+(?:two|three|four|five|several))?)\s+(?:sides|parties|leaders|countries|ministers|delegations"
    r"|presidents|heads of state|governments|foreign ministers)|\b(?:they|we|both)|\bthe\s+\w+\s+side)"
    r"\s*$", re.IGNORECASE)
ADVERBS = r"(?:also|further|then|again|once again|in turn|repeatedly|particularly|specifically|" \
          r"especially|firmly|highly|sincerely|warmly|fully|briefly|first|finally|later|earlier|" \
          r"furthermore|moreover|additionally|clearly|solemnly|strongly|explicitly|cordially|deeply|" \
          r"jointly|personally|publicly|categorically|resolutely|unequivocally|repeatedly)"
ADVERB_WORDS = frozenset(re.findall(r"[a-z]+", ADVERBS))
# Auxiliaries and modals between a subject and its cue: "has expressed", "would stress".
AUXILIARIES = r"(?:has|have|had|would|will|shall|could|should|might|may|must|did|does|do)"
GAP_WORDS = ADVERB_WORDS | frozenset(re.findall(r"[a-z]+", AUXILIARIES))
# Cues in the base form, which attribute only after a modal: "would stress", "will say".
BASE_CUES = {
    "say": "said", "stress": "stressed", "express": "expressed", "reaffirm": "reaffirmed",
    "emphasize": "emphasized", "emphasise": "emphasized", "underline": "underlined", "note": "noted",
    "urge": "urged", "reiterate": "reiterated", "insist": "insisted", "warn": "warned", "argue": "argued",
    "tell": "told", "highlight": "highlighted", "point out": "pointed out", "underscore": "underscored",
    "welcome": "welcomed", "call for": "called for", "convey": "conveyed", "propose": "proposed",
}
CUES.update(BASE_CUES)
MODALS = frozenset({"would", "will", "shall", "could", "should", "might", "may", "must", "did", "does", "do"})
# The last word of a group subject: "Both sides", "the two leaders", "the Chinese side".
GROUP_WORDS = frozenset({"sides", "parties", "leaders", "countries", "ministers", "delegations",
                         "presidents", "state", "governments", "they", "we", "both", "side"})
PRONOUN_SUBJECT = re.compile(r"(?:^|[\s,])(He|She|he|she)$")
# Before a subject after a comma: the start of a new clause ("..., while Sheikh X, ..., said").
# After a cue that interrupts a sentence: a comma, then the speech resumes (not ", adding that",
# ", who added", a quotation or a closing circumstance such as ", during a visit").
PARENTHETICAL_AFTER = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?,\s+"
    r"(?![\"“]|(?:who|which|adding|noting|stressing|saying|according|during|at|in|on|after|before|while|when|"
    r"as|with|from|speaking|referring|citing)\b)(?=[a-z])")
# Between the two people of a joint subject: "X and his counterpart Y", "X and Y".
JOINT_SUBJECT = re.compile(r",?\s+(?:and|&)\s+(?:(?:his|her|their|its)\s+)?")
CONJUNCTION_LEAD = re.compile(r"\s*(?:and|but|while|whereas|or)\b")
CLAUSE_LEAD = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)$")
# A name followed by a verb: the person a sentence is about ("Prime Minister X has written").
SUBJECT_VERB = re.compile(
    r"(?:,[^,.;\"“”]{1,160},)?\s+(?:(?:has|have|had|was|is|will|would|also|then)\s+)*(?:been\s+)?"
    r"(?!(?:of|and|or|for|to|in|at|on|from|with|the|a|an|by|as|who|which|that|said)\b)[a-z]+\b")
CLAUSE_SEPARATOR = re.compile(r"(?:,\s+(?:and|while|whereas)|;)\s+(?:\S+\s+){0,6}?$")
GREETING_WORDS = re.compile(r"\b(?:greetings|regards|wishes|congratulations|message|condolences|"
                            r"invitation|letter)\b")


def _letter_class(test) -> str:
    """A regex character class body for the Latin letters (with diacritics) that pass test."""
    chars = [chr(code) for block in ((0x41, 0x250), (0x1E00, 0x1F00)) for code in range(*block)
             if test(chr(code))]
    ranges, first, last = [], chars[0], chars[0]
    for char in chars[1:] + ["\uffff"]:
        if ord(char) == ord(last) + 1:
            last = char
            continue
        ranges.append(first if first == last else f"{first}-{last}")
        first = last = char
    return "".join(ranges)


# Latin letters of every language the desk reports on: "Ömer", "Fiamē", "Phạm", "Bárcena".
UPPER = _letter_class(str.isupper)
LOWER = _letter_class(str.islower)
# A name token: "Faye", "Okonkwo-Hale", "al-Sisi", "O'Brien", "McClay", "Mataʻafa" (not "Alvi's"), an
# initial before another capital ("K. T. Hammond"), or a surname in capitals before a given
# name, as Japanese ministries print it ("KAMIKAWA Yoko").
NAME_TOKEN = (rf"(?:(?:al-|el-|Al-|El-|bin-|Mc|Mac(?=[{UPPER}][{LOWER}])|O['’](?=[{UPPER}])|D['’](?=[{UPPER}]))?"
              rf"[{UPPER}][{LOWER}]+"
              rf"(?:-[{UPPER}]?[{LOWER}]+|['’ʻ](?:[{UPPER}][{LOWER}]+|(?!s\b)[{LOWER}]+))*"
              rf"|(?<!\.)[{UPPER}]\.(?=\s[{UPPER}])|[{UPPER}]{{2,}}(?=[ ]+[{UPPER}][{LOWER}]))")
# A name token may open with an apostrophe, the okina of Pacific names ("Fekitamoeloa
# 'Utoikamanu"); a lone such word opening a sentence only ever resolves to a person already named.
OKINA_TOKEN = rf"['’‘ʻ][{UPPER}][{LOWER}]+(?![\w'’‘])"
NAME_RUN = re.compile(
    rf"(?=[{UPPER}abe'’‘ʻ])(?<![\w'’-])(?:{NAME_TOKEN}|{OKINA_TOKEN})"
    rf"(?:[ ]+(?:(?:{'|'.join(NAME_PARTICLES)})[ ]+)*(?:{NAME_TOKEN}|{OKINA_TOKEN}))*"
    r"(?:[ ]+(?:II|III|IV|VI|VII|VIII|Jr\.|Sr\.))?(?![\w-])")
CAPITALS = re.compile(rf"[{UPPER}]{{2}}")
# Regnal numbers belong to the name: "King Abdullah II".
REGNAL = ("II", "III", "IV", "VI", "VII", "VIII")
TOKEN = re.compile(rf"{NAME_TOKEN}|(?<![\w'’‘]){OKINA_TOKEN}|\b(?:II|III|IV|VI|VII|VIII)\b")
# "Treaty of Friendship", "Institute for Ocean Governance": capitalised words after an
# organisation's "of"/"for" continue its name.
ORGANISATION_OF = re.compile(r"([A-Z][\w'’-]*)[ ]+(?:of|for|on)[ ]+(?:the[ ]+)?$")
# A currency named after a country is not a reference to it: "US dollars", "Chinese yuan".
CURRENCY = re.compile(r"[ ]+(?:dollars?|cents?|yuan|renminbi|yen|won|rupees?|rupiah|ringgit|baht|pesos?|"
                      r"reais|rand|naira|shillings?|pounds?|francs?|dinars?|dirhams?|riyals?|rials?|"
                      r"liras?|euros?|kronor|krona|kroner|krone|roubles?|rubles?|hryvnias?|tenge|dong)\b")
# "SUVA — " before a story's first words.
DATELINE = re.compile(rf"[{UPPER}][{UPPER}.'’ -]+(?:,[ ]+[\w.' ]+)?[ ]+[—–-]{{1,2}}[ ]+")
QUOTE_CHARS = "\"“”"
OPENING_QUOTES = "\"“"
QUOTATION = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")
# '"...," she said, "for the stability ..."': the quotation resumes after the cue.
SPLIT_QUOTE = re.compile(r"[^.\"“”]{0,40}?,\s*[\"“]")
PASSIVE_AFTER = re.compile(r"\s+by\b")
PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "being", "be"})
ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
# The words of a title, capitalised or not: "Kenya's foreign minister", "the Minister of Trade".
_TITLE_WORDS = rf"(?:[ ]*(?:the|of|for|and|{'|'.join(LOWER_TITLE_QUALIFIERS + LOWER_TITLE_HEADS)}|" \
               rf"[{UPPER}][\w'’.-]*))*[ ]*"
TRAILING_TITLE = re.compile(_TITLE_WORDS + "$")
# "that" or a finite verb after the cue opens the reported clause: "told parliament the harvest was good".
THAT = re.compile(r"\b(?:that|is|are|was|were|will|would|shall|should|could|can|must|may|might|has|have|had|"
                  r"did|does|do)\b")
# What may stand between a comma and a speaker's name: a title ("foreign minister").
TITLE_WORDS = re.compile(_TITLE_WORDS)
# The words after a cue that say only when, where or to whom it was said.
CIRCUMSTANCE = re.compile(
    r"\s*,?\s*(?:[.!?;]|$|(?:on|at|in|during|after|before|while|when|from|with|as|via|through|following|"
    r"ahead|later|earlier|yesterday|today|tonight|last|this|alongside|afterwards|reporters|journalists|"
    r"parliament|lawmakers|delegates|(?:a|an|the)(?:\s+[\w-]+){0,3}?\s+(?:conference|briefing|meeting|forum|"
    r"summit|session|gathering|reporters|journalists|parliament|assembly|lawmakers|delegates|audience|"
    r"media|press|interview|event|ceremony|rally|crowd|committee|council|panel|seminar))\b)")
QUOTED_SEGMENT = re.compile(r"[\"“]([^\"“”]+)[\"”]")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘'ʻ(A-Z0-9])")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Smt|Hon|Rt|No|Gen|Lt|Col|Jr|Sr|Prof|Mt|vs|etc|Jan|Feb|"
                          r"Aug|Sept|Sep|Oct|Nov|Dec|Inc|Ltd|Co)|\b[A-Z]|\b[A-Z]\.[A-Z]|e\.g|i\.e)$")
PRESS_LABEL = re.compile(r"^(?P<label>Q|A|[A-Z][\w.&'’/ -]{0,48}?)\s*[:：]\s+")
QUESTION_LABELS = frozenset({"Q", "Question", "QUESTION"})
ANSWER_LABELS = frozenset({"A", "Answer", "ANSWER"})
# A briefer's label in capitals: "MR MILLER", "MS. ZAKHAROVA".
HONORIFIC_LABEL = re.compile(r"(?:MR|MRS|MS|DR)\.?\s+(?=[A-Z])")
SPOKESPERSON_WORDS = re.compile(r"\bspokes(?:person|man|woman)\b", re.IGNORECASE)
AFTER_CUE = re.compile(r"\s*[,:]?\s*(?:that\b,?\s+)?")
PREPOSITIONAL_THAT = re.compile(
    r"\s*(?:,\s*)?(?:in|at|on|during|while|when|before|after|to|with|from|over|via|through)\b"
    r"[^.;:\"“]{0,120}?\bthat\s+")
# "Professor X of the Graduate School of Policy Studies": where a person works.
AFFILIATION = re.compile(
    r"[ ]+(?:of|from|at)[ ]+(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ]+(?:(?:of|for|and|on|the)[ ]+)*[A-Z][\w'’-]*)*[ ]*")
# "told reporters the talks went well": the audience of "told" is not part of what was said.
TOLD_AUDIENCE = re.compile(
    r"\s+(?:reporters|journalists|parliament|lawmakers|delegates|(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:media|press|"
    r"conference|briefing|meeting|forum|summit|audience|gathering|assembly|parliament|committee|council))"
    r"(?:\s+(?:in|at|on)\s+[A-Z][\w-]*)?,?\s+(?:that\s+)?(?=[\w\"“])")
TIME_WORDS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                        "today", "yesterday", "tonight", "earlier", "later"})
TIME_TAIL = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
                       r"|tonight|earlier|later)$")
# "said on Monday he would travel": when it was said is not part of what was said.
TIME_PHRASE = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on\s+[A-Z][a-z]+\s+\d{1,2}"
    r"|today|yesterday|tonight|earlier|later|last\s+(?:week|month|year)"
    r"|this\s+(?:week|month|year|morning|afternoon|evening))\b,?\s+(?:that\s+)?(?=[\w\"“])")
OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
# "told his counterpart X in a phone call that ...": the audience, then what was said; not
# "urged all parties to refrain from actions that ...", where "that" opens a relative clause.
OBJECT_THAT = re.compile(r"\s+(?:(?!(?:to|for)\b)[\w'’.-]+\s+){1,10}?that\s+")
# Words after which a name is the person met: "met with visiting Sergey Lavrov".
# "X, Y and Z", "X and Y": the separators of a list of names.
LIST_JOIN = re.compile(r",[ ]+(?:and[ ]+)?|[ ]+and[ ]+")
# A name's country or body, before the next name of a list: "X of Estonia, Y of Latvia and Z".
LISTED_AFFILIATION = re.compile(r"[ ]+(?:of|from)[ ]+(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*)?(?=,|[ ]+and\b)")
# A plural of people set off before a list of names: "the two foreign ministers, X and Y".
PEOPLE_BEFORE_LIST = re.compile(
    r"\b(?:ministers|leaders|heads|presidents|envoys|ambassadors|delegates|officials|representatives|"
    r"negotiators|counterparts|members|spokespersons|candidates|diplomats|lawmakers|senators)\b"
    r"[^.;:!?\"“”\n]{0,80},[ ]+$")
# Words that open a clause, not a description: "X, who met ...", "Bogotá, where ...".
DESCRIPTION_STOPS = frozenset("""who whom whose which where when while and but or as said says that
if although though because since after before""".split())
MEETING_WORDS = frozenset({"met", "meets", "meeting", "talks", "call", "spoke", "conversation",
                           "telephoned", "phoned", "congratulated", "thanked", "hosted",
                           "greeted", "welcomed", "invited", "appointed", "nominated", "elected",
                           "received", "receives", "with", "and"})
MEETING_CONTEXT = re.compile(r"\b(?:met|meets|meeting|talks|call|received|receives|with|between)\b")
MEETING_ADJECTIVES = frozenset({"visiting", "new", "incoming"})
HONORIFIC_TAIL = re.compile(r"(?:^|\s+)(?:Mr|Mrs|Ms|Dr|H\.E|H\.H|HE|HH|Madam|Madame|Sir)\.?$")
FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+){0,3}$")
TO_BEFORE = re.compile(r"\bto\s+(?:\S+\s+){0,4}$")
# Sentences that narrate and so end the reported speech before them.
NARRATION = re.compile(r"(?:The two|Both) (?:sides|leaders|ministers|parties)\s+(?:also\s+)?"
                       r"(?:exchanged|signed|held|witnessed|attended|met)"
                       r"|Present at|Also present|Attending|Prior to|Before the|After the")
POSSESSIVE = re.compile(r"['’]s\b")
# "the head of Polish diplomacy": the foreign minister, as European ministries call them.
DIPLOMACY_HEAD = re.compile(r"\b(?:the|The)\s+head\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’-]*)\s+diplomacy\s*$")
# "called on all parties to exercise restraint" urges; "called on President Dissanayake" visits.
VISIT_CUES = frozenset({"called on", "calls on", "call on", "calling on"})
URGED_TO = re.compile(r"[^.;:\"“”]{0,200}?\bto\s+[a-z]")



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
        for name, code in list(self.country_by_name.items()):
            # Plural demonyms: "Pakistanis", "Ivorians", "Filipinos".
            if " " not in name and name.endswith(("an", "i", "o")):
                self.country_by_name.setdefault(name + "s", code)
        for name in NON_COUNTRY_NAMES:
            self.country_by_name[name] = None
        initials = re.escape("".join(sorted({name[0] for name in self.country_by_name})))
        # The leading class lets the regex engine skip most positions quickly.
        self.country_pattern = re.compile(
            rf"(?=[{initials}])(?<!\w)(?:{_trie_pattern(self.country_by_name)})(?!\w)")
        # For scanning a whole story: without the look-arounds at its head the regex engine
        # jumps between the names' first letters; the word boundary before is checked after.
        self.country_scan = re.compile(rf"(?:{_trie_pattern(self.country_by_name)})(?!\w)")
        # One-word country names and demonyms split a name ("Pakistani President Arif Alvi");
        # the other words of longer names ("Costa", "Salvador", "Lucia") are also given names.
        country_words = {name for name in self.country_by_name if " " not in name}
        country_words |= {word for name in self.country_by_name for word in name.split()
                          if word in GEOGRAPHIC_WORDS}
        self.non_name_words = NON_NAME_WORDS | country_words

        heads = _trie_pattern(TITLE_HEADS + HONORIFICS)
        # Titles stay within a line and a sentence: words carry no full stop, spaces no newline.
        lower_heads = _trie_pattern(LOWER_TITLE_HEADS)
        qualifier = (r"(?!(?:When|The|On|In|At|During|After|Before|He|She|It|This|That|And|But|"
                     r"While|As|Both|Also|With|By|For|From|To)\b)[A-Z][\w'’-]*"
                     rf"|(?:{'|'.join(LOWER_TITLE_QUALIFIERS)})(?![\w-])")
        org_word = r"[A-Z][\w'’-]*"
        head_phrase = rf"(?:(?:{qualifier})[ ]+){{0,3}}(?:{heads}|(?<![\w'’-]){lower_heads}(?![\w-]))" \
                      rf"(?:[ ]+(?:of|to|for|at|in|on)[ ]+(?:the[ ]+)?" \
                      rf"{org_word}(?:(?:,?[ ]+(?:of|and|for|the|on|in|to))*[ ]+{org_word}){{0,10}}" \
                      rf"(?:(?:,[ ]+{org_word}(?:[ ]+{org_word}){{0,3}})+,?[ ]+and[ ]+{org_word}(?:[ ]+{org_word}){{0,3}})?)?"
        # (The last part: a list of portfolios, "of Foreign Affairs, Emigration and Egyptian Expatriates".)
        # Anchored at a name's first letter: "Chinese State Councilor and Foreign Minister ".
        self.title_tail = re.compile(
            rf"(?<![\w'’-])(?:(?:visiting|then|former|incoming|new|outgoing|current|acting)[ ]+)?"
            rf"(?P<title>{head_phrase}(?:,?[ ]+(?:and|&)[ ]+{head_phrase})*)"
            rf"(?:[ ]+(?:{_trie_pattern(HONORIFICS)}))*[ ]+$")  # "Secretary-General of ASEAN Dr. "
        # "Wang Yi, Member of the Political Bureau ..., met": a title set off by commas.
        self.appositive = re.compile(
            rf",\s+(?P<title>(?:the\s+)?{head_phrase}(?:,?\s+(?:and|&)\s+{head_phrase})*)\s*(?=,|\s+(?:said|met|held)|$)")
        # "the Prime Minister of New Zealand, Christopher Luxon,": a name in apposition to a title.
        self.title_before_comma = re.compile(
            rf"(?<![\w'’-])(?P<title>{head_phrase}(?:,?[ ]+(?:and|&)[ ]+{head_phrase})*),[ ]+"
            rf"(?:(?:{_trie_pattern(HONORIFICS)})[ ]+)*$")
        verbs = "|".join(map(re.escape, sorted(set(CUES) | set(NARRATIVE_VERBS), key=len, reverse=True)))
        # "Ahmed Attaf, Algeria's foreign minister, said", "X, who met ... leaders, said": whatever
        # stands between the commas describes the name before it when a verb follows.
        self.apposition = re.compile(
            rf",[ ]+(?P<title>[^.;:!?\"“”\n]{{2,160}}?),[ ]+(?:{ADVERBS}[ ]+)*(?:on[ ]+\w+[ ]+)?"
            rf"(?P<verb>{verbs})\b")
        # "moderated by Daniel Mbeki Ross, a senior fellow at the institute.": a closing description.
        # "Aung Kyaw Moe, permanent secretary of its foreign ministry,": a lower-case description too.
        self.description = re.compile(
            r",[ ]+(?P<title>(?:(?:a|an|the|its|his|her|their)[ ]+)?[a-z][^.;:!?\"“”\n,]{2,120}?)(?P<verb>)(?=[.;,]|$)")

        cue_forms = sorted(CUES, key=len, reverse=True)
        # A cue follows a space; the literal space lets the regex engine skip ahead quickly.
        self.cue_pattern = re.compile(rf" (?P<cue>{_trie_pattern(CUES)})\b")
        self.speaks = re.compile(
            rf"\s*,?\s*(?:(?:{ADVERBS}|{AUXILIARIES})\s+)*"
            rf"(?P<verb>(?:{'|'.join(map(re.escape, cue_forms))})|(?:{'|'.join(NARRATIVE_VERBS)}))\b")
        self.subject_tail = re.compile(rf"(?:\s*,?\s+(?:{ADVERBS}|{AUXILIARIES}))*\s*$")
        self.participle_lead = re.compile(
            rf"(?P<cue>{'|'.join(p.capitalize() for p in sorted(PARTICIPLES, key=len, reverse=True))})"
            r"\s+(?:that\s+)?")
        # ", adding that", ", and stressed", " and said": single spaces, which the engine scans fast.
        self.participle_inner = re.compile(
            rf"(?:, (?:and\s+)?(?P<cue>{'|'.join(sorted(PARTICIPLES, key=len, reverse=True))})"
            rf"|(?:,? (?:and|but)|, who)\s+(?:{ADVERBS}\s+)?(?P<verb>{_trie_pattern(CUES)}))"
            r"\s+(?:that\s+)?")
        self.narrative_verb = re.compile(
            rf"\s*(?:{ADVERBS}\s+)?(?:{'|'.join(NARRATIVE_VERBS)})\b")
        self.title_words = frozenset(
            word.casefold() for word in TITLE_HEADS + HONORIFICS + LOWER_TITLE_HEADS + REFERENCE_HEADS)
        # "the Egyptian Foreign Minister", "The prime minister", "the Governor-General", "the
        # Mexican Secretary of Foreign Affairs".
        reference = rf"(?P<title>(?:(?:[A-Z][\w'’-]*|{'|'.join(LOWER_TITLE_QUALIFIERS)})\s+){{0,3}}" \
                    rf"(?:{heads}|{heads.lower()}|spokesperson|president|minister|ambassador|" \
                    rf"{'|'.join(REFERENCE_HEADS)})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?)"
        self.title_reference = re.compile(rf"\b(?:the|The)\s+{reference}\s*$")
        # '"...," said the President.': a title right after an inverted cue.
        self.title_after = re.compile(rf"\s+(?:the|The)\s+{reference}(?=[\s.,;!?]|$)")

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
    gender: str = ""  # "f" or "m" once an honorific, title or pronoun has told


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
    gender: str = ""
    key: str = ""  # the name folded for matching
    tokens: tuple[str, ...] = ()

    def __post_init__(self):
        self.key = _fold(self.name)
        self.tokens = tuple(self.key.split())


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
    for match in gazetteer.country_scan.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        code = gazetteer.country_by_name.get(match.group())
        if code and not CURRENCY.match(text, match.end()):
            found.append((match.start(), match.end(), code))
    return found


def _after_country(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where a name beginning at `start` really begins, past a country name of several words
    that runs into it; one-word country names and demonyms already split names."""
    for match in gazetteer.country_scan.finditer(text, max(0, start - 30), end):
        if match.start() <= start < match.end() < end and " " in match.group() \
                and not (match.start() and text[match.start() - 1].isalnum()):
            return end - len(text[match.end():end].lstrip())
    return start


def _split_run(run: re.Match, non_name: frozenset) -> list[tuple[int, int, bool]]:
    """Split a run of capitalised words at words that cannot be part of a name.

    Each piece comes with whether a title or honorific stands right before it in the run.
    A piece directly followed by an organisation word belongs to that organisation
    ("Southeast Asian Nations", "Great Hall"), "He" after a title is a surname
    ("Vice Premier He Lifeng"), a title word between name words or closing them is part of
    the name ("Hassan Sheikh Mohamud", "Ben King"), and a word in capitals alone is an
    acronym ("ASEAN").
    """
    word = run.group()
    if " " not in word:  # most runs are one word: decide without tokenising
        return [] if word in non_name or word.split("-")[0] in non_name else [(*run.span(), False)]
    pieces, piece_start, piece_end, previous, titled = [], None, None, "", False
    tokens = [token for token in TOKEN.finditer(run.string, run.start(), run.end())]
    for position, token in enumerate(tokens):
        word = token.group()
        plain = word.lstrip("'’‘ʻ")
        is_name = not (plain in non_name or plain.split("-")[0] in non_name) or (
            word in AMBIGUOUS_SURNAMES and previous in TITLE_HEADS)
        # "the Amir Sheikh Tamim": one word after "the" is a title or a noun, not a given name.
        after_the = piece_start == run.start() and position == 1 and run.string.endswith(
            ("the ", "The "), max(0, run.start() - 4), run.start())
        following = tokens[position + 1].group() if position + 1 < len(tokens) else ""
        if is_name and plain in STYLE_TITLES and following in STYLE_TITLES:
            is_name = False  # "Amir Sheikh Abdullah": a style before a style
        if not is_name and word in NAME_TITLE_WORDS and piece_start is not None and not after_the:
            is_name = not following or following not in non_name
        if is_name:
            if piece_start is None:
                piece_start, titled = token.start(), previous in TITLE_HEADS or previous in HONORIFICS
            piece_end = token.end()
        else:
            if piece_start is not None and word not in ORGANISATION_WORDS:
                pieces.append((piece_start, piece_end, titled))
            piece_start = None
        previous = word
    if piece_start is not None:
        pieces.append((piece_start, piece_end, titled))
    return [piece for piece in pieces if not run.string[piece[0]:piece[1]].isupper()]


def _contains(tokens: tuple[str, ...], part: tuple[str, ...]) -> bool:
    size = len(part)
    return any(tokens[i:i + size] == part for i in range(len(tokens) - size + 1))


def _display_name(name: str) -> str:
    """The name as an editor writes it: "KAMIKAWA Yoko" -> "Kamikawa Yoko"."""
    if not CAPITALS.search(name):
        return name
    return " ".join(word.capitalize() if len(word) > 1 and word.isupper() and word not in REGNAL else word
                    for word in name.split())


def _clean_title(title: str) -> str:
    """The title without words of courtesy: "Excellency The Rt Hon Dame" -> ""."""
    words = COURTESY_WORDS.sub(" ", title).split()
    while words and words[0] in ("The", "the"):  # "Her Excellency The Rt Hon ..."
        words.pop(0)
    return " ".join(words).strip(" ,")


def _title_before(tail: re.Match | None) -> str:
    """The title a `title_tail` match gives the name after it."""
    return _own_title(_clean_title(tail.group("title"))) if tail else ""


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


def _title_window(body: str, start: int) -> int:
    """Where a title before a name can begin: within 250 characters, the line and the sentence."""
    window = max(0, start - 250, body.rfind("\n", 0, start) + 1)
    stop = body.rfind(". ", window, start)
    while stop != -1 and ABBREVIATION.search(body, max(window, stop - 6), stop):
        stop = body.rfind(". ", window, stop)
    return window if stop == -1 else stop + 2


def _is_sentence_start(body: str, start: int) -> bool:
    before = body[max(0, start - 3):start].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n:"


def _describes_person(described: str) -> bool:
    """Whether the words set off after a name say what a person is: "a senior fellow at the
    institute", "permanent secretary of its foreign ministry" (not "who met ...", "where ...")."""
    words = described.casefold().replace("’", " ").replace("'", " ").split()
    if not words or words[0] in DESCRIPTION_STOPS:
        return False
    if words[0] in ("a", "an", "the", "its", "his", "her", "their"):
        return bool(set(words) & PERSON_NOUNS)
    # Without an article the person noun comes early: "permanent secretary of ...".
    return bool(set(words[:4]) & PERSON_NOUNS)


def _is_met(body: str, start: int) -> bool:
    words = body[max(0, start - 40):start].split()[-2:]
    if words and words[-1] in MEETING_ADJECTIVES:
        words = words[:-1]
    if not words or words[-1] not in MEETING_WORDS:
        return False
    # "visited Buenos Aires, Addis Ababa and Kuala Lumpur": "and" joins people only at a meeting.
    return words[-1] != "and" or MEETING_CONTEXT.search(body, max(0, start - 120), start) is not None


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

    def resolve_partial(self, name: str, tokens: tuple[str, ...] = ()) -> int | None:
        """Part of the name of someone already named in the story: "Alvi", "Wang", "Lula"."""
        tokens = tokens or tuple(_fold(name).split())
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

    def candidate(self, start: int, end: int, after: int = 0) -> _Candidate:
        """What the text around a name says: its title, whether it speaks or is met. A title
        begins `after` the name before, never taking it in."""
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        window = max(_title_window(body, start), after)
        name = _display_name(body[start:end])
        single = " " not in name
        # A title always ends with a capitalised word or a lower-case head: search only then.
        previous_word = (body[max(0, start - 40):start].split() or [""])[-1]
        tail = None
        if previous_word[:1].isupper() or previous_word in LOWER_TITLE_HEADS:
            tail = gazetteer.title_tail.search(body, window, start)
        person_title = _title_before(tail)
        titled = bool(tail)
        gender = next((GENDERED_WORDS[word] for word in reversed(tail.group("title").split())
                       if word in GENDERED_WORDS), "") if tail else ""
        follows = body[end:end + 1]
        if not person_title and follows in ",." and (previous_word.endswith(",") or tail):
            # "the governor-general, Dame Ruth Okello,": the title before the comma and the style.
            before = gazetteer.title_before_comma.search(body, window, start)
            if before:
                person_title, titled = before.group("title"), True
        speaks_match = gazetteer.speaks.match(body, end, end + 40) or (
            previous_word in INVERSION_CUES and not single and INVERTED.match(body, end))
        # A lone word "in Oslo, said", "the Children said" or "Coastal states" is a place or a
        # noun, not a speaker.
        if not speaks_match and body.startswith(" of ", end):
            # "Linda Thomas-Greenfield of the United States said": the speaker's country or employer.
            affiliation = AFFILIATION.match(body, end)
            speaks_match = affiliation and gazetteer.speaks.match(body, affiliation.end(), affiliation.end() + 40)
        # A lone word "in Oslo, said", "the Children said" or "Coastal states" is a place or a
        # noun, not a speaker; so are any words "in Mato Grosso, said", closing a clause.
        speaks = bool(speaks_match) and not (
            single and (speaks_match.group("verb") in NOUN_LIKE_CUES or previous_word in ARTICLES)
            or previous_word in PLACE_PREPOSITIONS and (single or "," in speaks_match.group()))
        if single and speaks and "," in speaks_match.group():
            speaks = False
        if previous_word in NAMED_THING_LEADS:
            # "Hurricane Beryl had devastated": an event or a place, whatever it does.
            return _Candidate(start, end, name, "", False, None, False, False)
        if follows == ",":
            apposition = gazetteer.appositive.match(body, end)
            if apposition:
                office = apposition.group("title")
                if person_title in STYLE_TITLES:
                    # "Sheikh X, Prime Minister and Minister of Foreign Affairs,": the office, not the style.
                    person_title = office
                elif person_title and " " not in person_title:
                    # "Ambassador X, Minister of Foreign Affairs of Nigeria,": the rank and the office.
                    person_title = f"{person_title}, {office}"
                person_title, titled = person_title or office, True
            else:
                apposition = gazetteer.apposition.match(body, end, end + 260) \
                    or gazetteer.description.match(body, end, end + 200)
                if apposition:
                    described = apposition.group("title")
                    if _describes_person(described):
                        person_title = person_title or re.sub(r"^(?:the|a|an)\s+", "", described)
                        titled = True
                    speaks = speaks or (apposition.group("verb") or "states") not in NOUN_LIKE_CUES
        return _Candidate(start, end, name, person_title, titled, gazetteer.person_by_name.get(_fold(name)),
                          speaks, _is_met(body, start), gender)

    def add_listed(self, candidates: list[_Candidate]) -> None:
        """Names listed with a person ("Kulubaev and Sirojiddin Muhriddin") or after a plural of
        people ("the heads of the delegations, Nurlan Abdrakhmanov and Tolib Ashurzoda,") are people."""
        body = self.story.body

        def is_person(candidate: _Candidate) -> bool:
            return candidate.key in self.by_name or (
                len(candidate.tokens) == 1 and self.resolve_partial(candidate.name, candidate.tokens) is not None)

        def joins(previous, following):
            affiliation = LISTED_AFFILIATION.match(body, previous.end, following.start)
            return LIST_JOIN.fullmatch(body, affiliation.end() if affiliation else previous.end, following.start)

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
            first = listed[0]
            if any(is_person(c) for c in listed) or PEOPLE_BEFORE_LIST.search(
                    body, max(0, first.start - 120), first.start):
                for candidate in listed:
                    if not is_person(candidate) and self.resolve_partial(candidate.name, candidate.tokens) is None:
                        self.add(candidate.name, candidate.title, None)

    def find(self, title: str) -> None:
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        candidates, last_full_name_end = [], 0
        non_name = gazetteer.non_name_words
        for run in NAME_RUN.finditer(body):
            word = run.group()
            if word in non_name:  # most runs are one word that is no name: "The", "China"
                continue
            for start, end, after_title in _split_run(run, non_name):
                # "Viet Nam Do Hung Viet", "the Lao PDR Saleumxay Kommasith": the country goes first.
                start = _after_country(body, start, end, gazetteer)
                name = body[start:end]
                if sum(word not in NAME_PARTICLES for word in name.split()) > 6:
                    continue
                if name in gazetteer.country_by_name:
                    continue  # "Costa Rica", "Sierra Leone"
                if not after_title and start == run.start() \
                        and body.endswith(("of ", "for ", "on ", "the "), max(0, start - 5), start):
                    organisation = ORGANISATION_OF.search(body, max(0, start - 40), start)
                    if organisation and organisation.group(1) not in TITLE_HEADS:
                        continue  # "Treaty of Friendship"
                # A title never takes in the full name before it ("... Ahmed Attaf and Tunisian Minister").
                candidates.append(self.candidate(start, end, last_full_name_end))
                if len(candidates[-1].tokens) > 1:
                    last_full_name_end = end
        speaking_parts = {c.key for c in candidates if c.speaks}
        titled_parts = {c.key for c in candidates if c.titled and len(c.tokens) == 1}

        # Titled and known people first, then people who speak or are met, so that a
        # shorter mention ("Mohammed bin Salman said") resolves to the full name.
        titled = [c.tokens for c in candidates if c.titled and len(c.tokens) > 1]
        for candidate in candidates:
            tokens = candidate.tokens
            # "Sheikh Abdullah bin Zayed" after "Sheikh Abdullah bin Zayed Al Nahyan" is the same man.
            if candidate.known or candidate.titled and len(tokens) > 1 and not any(
                    len(other) > len(tokens) and _contains(other, tokens) for other in titled):
                self.add(candidate.name, candidate.title, candidate.known)
        for candidate in candidates:
            tokens = candidate.tokens
            # "to Bassirou Diomaye Faye ... President-elect Faye": a surname titled or speaking.
            spoken_of = tokens[0] in speaking_parts or tokens[-1] in speaking_parts or tokens[-1] in titled_parts
            if not candidate.known and len(tokens) > 1 and (candidate.speaks or candidate.met or spoken_of) \
                    and candidate.key not in self.by_name and self.resolve_partial(candidate.name, tokens) is None:
                self.add(candidate.name, candidate.title, None)
        self.add_listed(candidates)
        for candidate in candidates:
            index = self.by_name.get(_fold(candidate.known.name) if candidate.known else candidate.key)
            if index is None:
                index = self.resolve_partial(candidate.name, candidate.tokens)
            # A lone capitalised word opening a sentence may be any word ("Coastal states ...").
            if index is None and (candidate.titled or candidate.speaks and not (
                    " " not in candidate.name and _is_sentence_start(body, candidate.start))):
                index = self.add(candidate.name, candidate.title, None)
            if index is not None:
                person = story.people[index]
                person.gender = person.gender or candidate.gender
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
            for start, end, _ in _split_run(run, gazetteer.non_name_words):
                name = _display_name(title[start:end])
                if _fold(name) in self.by_name or self.resolve_partial(name) is not None:
                    continue
                tail = gazetteer.title_tail.search(title, max(0, start - 250), start)
                # "... Briefing by Stéphane Dujarric, Spokesman for Secretary-General António Guterres"
                office = None if tail else gazetteer.appositive.match(title, end)
                known = gazetteer.person_by_name.get(_fold(name))
                if known or ((tail or office) and len(name.split()) > 1):
                    found_title = _title_before(tail) or (office.group("title") if office else "")
                    self.add(name, found_title, known)
        self.add_acronym_mentions()
        story.mentions.sort(key=lambda mention: mention.start)
        story.mention_starts = [mention.start for mention in story.mentions]


    def add_acronym_mentions(self) -> None:
        """"EAM highlighted ...", "FM Retno": an office by its initials stands for the one
        person in the story whose title has them ("External Affairs Minister Dr. S. Jaishankar")."""
        story, body = self.story, self.story.body
        holders: dict[str, set[int]] = {}
        for index, person in enumerate(story.people):
            for acronym in _title_acronyms(person.title):
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
                    mention = _Mention(position, end, person, acronym)
                    story.mentions.append(mention)
                    story.mention_end[end] = mention
                position = body.find(acronym, end)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word of its own, not part of "EAMs" or "PM-led"."""
    def joins(char):
        return char.isalnum() or char in "-_'’"
    return not (start and joins(text[start - 1]) or end < len(text) and joins(text[end]))


@functools.cache
def _title_acronyms(title: str) -> frozenset[str]:
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


def _sentences(paragraph: str, offset: int) -> list[tuple[int, int]]:
    """Sentence spans in the body; a sentence never ends inside quotation marks."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        end = match.end()
        segment = paragraph[start:end]
        before = paragraph[match.start() - 4:match.start()]
        # Four lower-case letters before the full stop end a word, not an abbreviation.
        if not (before.isalpha() and before.islower()) \
                and ABBREVIATION.search(paragraph, max(start, match.start() - 6), match.start()):
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


def _is_passive(words_before: list[str]) -> bool:
    """"was welcomed", "were warmly welcomed": the two words before a cue."""
    if not words_before:
        return False
    if words_before[-1] in PASSIVE_AUXILIARIES:
        return True
    return len(words_before) == 2 and words_before[-1].endswith("ly") and words_before[0] in PASSIVE_AUXILIARIES


def _after_modal(body: str, start: int, cue_start: int) -> bool:
    """Whether a cue in the base form follows a modal: "would stress", "will also say"."""
    words = body[max(start, cue_start - 40):cue_start].split()
    while words and words[-1] in ADVERB_WORDS:
        words.pop()
    return bool(words) and words[-1] in MODALS


def _quoted_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the quotations in a sentence, for telling a speaker's words from the report."""
    if body.find('"', start, end) == -1 and body.find("“", start, end) == -1:
        return []
    return [match.span() for match in QUOTATION.finditer(body, start, end)]


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
        self.last_subject_spoke = False  # whether the last subject was set by a statement
        self.found: list[_Open] = []

    def subject_before(self, sentence_start: int, cue_start: int) -> tuple[str, int | None, str, int]:
        """What stands before a cue: ("person"|"group"|"none", person index, title, subject start)."""
        story, gazetteer = self.story, self.story.gazetteer
        body = story.body
        words = body[max(sentence_start, cue_start - 30):cue_start].split()
        # Only when an adverb stands before the cue ("Wang also said") is the regex needed.
        if words and words[-1].rstrip(",").casefold() in GAP_WORDS:
            tail = gazetteer.subject_tail.search(body, max(sentence_start, cue_start - 60), cue_start)
            cut = tail.start() if tail else cue_start
            words = body[max(sentence_start, cut - 30):cut].split()
        else:
            cut = cue_start
            while cut > sentence_start and body[cut - 1].isspace():
                cut -= 1
        if words and words[-1] in TIME_WORDS:
            # "Guterres on Tuesday called for ...": the time between subject and cue.
            time = TIME_TAIL.search(body, max(sentence_start, cut - 30), cut)
            if time:
                cut = time.start()
                words = body[max(sentence_start, cut - 30):cut].split()
        mention = story.mention_end.get(cut)
        if mention and mention.start >= sentence_start:
            if self.joint_subject(sentence_start, mention):
                return "group", None, "", mention.start
            return "person", mention.person, mention.title, mention.start
        prefix_start = max(sentence_start, cut - 80)
        prefix = body[prefix_start:cut]
        last_word = words[-1].lstrip(",").casefold() if words else ""
        pronoun = PRONOUN_SUBJECT.search(prefix) if last_word in ("he", "she") else None
        if pronoun:
            speaker = self.pronoun_person("f" if last_word == "she" else "m", cut)
            if speaker is None:
                return "none", None, "", cut
            return "person", speaker, "", prefix_start + pronoun.start(1)
        if last_word in GROUP_WORDS and GROUP_SUBJECT.search(prefix):
            return "group", None, "", cut
        # "the Foreign Minister said", "the Secretary of Foreign Affairs thanked".
        diplomacy = DIPLOMACY_HEAD.search(prefix) if last_word == "diplomacy" else None
        if diplomacy:
            index = self.by_title(f"{diplomacy.group('country')} Minister", cut)
            if index is not None:
                return "person", index, diplomacy.group(), prefix_start + diplomacy.start()
        reference = gazetteer.title_reference.search(prefix) \
            if last_word in gazetteer.title_words or " of " in prefix and words[-1][:1].isupper() else None
        if reference:
            index = self.by_title(reference.group("title"), cut)
            if index is not None:
                return "person", index, reference.group("title"), prefix_start + reference.start()
        first = bisect_left(story.mention_starts, sentence_start)
        sentence_mentions = [m for m in story.mentions[first:bisect_left(story.mention_starts, cut)] if m.end < cut]
        # "Wang Yi, Member of the Political Bureau ..., said", "X, who met ..., said": the
        # subject is the first name of its clause, set off by commas from the cue.
        set_off = prefix.endswith(",") or body[cut:cue_start].lstrip().startswith(",")  # "..., later said"
        if set_off and sentence_mentions:
            for mention in sentence_mentions:
                between = body[mention.end:cut]
                affiliation = AFFILIATION.match(between)  # "X of Tajikistan, who chairs ..., said"
                if affiliation:
                    between = between[affiliation.end():]
                lead = TRAILING_TITLE.sub("", body[sentence_start:mention.start])
                if between.startswith(",") and not any(char in between for char in QUOTE_CHARS) and (
                        not lead or lead.endswith(",") or CLAUSE_LEAD.search(lead)):
                    return "person", mention.person, mention.title, mention.start
        # "Professor Hana Yoshida of the Graduate School of Policy Studies warned".
        for mention in reversed(sentence_mentions):
            if AFFILIATION.fullmatch(body, mention.end, cut):
                if self.joint_subject(sentence_start, mention):  # "X of Latvia and Y of Lithuania said"
                    return "group", None, "", mention.start
                return "person", mention.person, mention.title, mention.start
        # "Xie Feng arrived in New York and told reporters": the sentence's subject speaks.
        if prefix.endswith(" and") and sentence_mentions:
            mention = sentence_mentions[0]
            if gazetteer.speaks.match(body, mention.end):
                return "person", mention.person, mention.title, mention.start
        return "none", None, "", cut

    def joint_subject(self, sentence_start: int, mention: _Mention) -> bool:
        """"Baerbock and her Brazilian counterpart Vieira pledged": two people, one verb."""
        story, body = self.story, self.story.body
        index = bisect_left(story.mention_starts, mention.start)
        if index == 0 or story.mentions[index - 1].start < sentence_start:
            return False
        other = story.mentions[index - 1]
        affiliation = LISTED_AFFILIATION.match(body, other.end, mention.start)  # "X of Latvia and Y"
        joint = JOINT_SUBJECT.match(body, affiliation.end() if affiliation else other.end, mention.start)
        if not joint or other.person == mention.person \
                or not TITLE_WORDS.fullmatch(body, joint.end(), mention.start):
            return False
        # The first name opens its clause: "X and Y said", not "X met Y and Z said".
        lead = TRAILING_TITLE.sub("", body[sentence_start:other.start])
        return not lead or lead.endswith(",") or CLAUSE_LEAD.search(lead) is not None

    def pronoun_person(self, gender: str, before: int) -> int | None:
        """Who "he" or "she" is: the last subject, unless the story has shown that person to be
        of the other gender ("Ms.", "Queen", an earlier "she"); then the latest person named
        before who may be meant. A pronoun that goes on from someone's statement teaches that
        person's gender; one after a meeting sentence ("X met Y. She said") does not."""
        people = self.story.people
        speaker = self.last_subject
        if speaker is not None and people[speaker].gender not in ("", gender):
            mentions = self.story.mentions[:bisect_left(self.story.mention_starts, before)]
            speaker = next((mention.person for mention in reversed(mentions)
                            if people[mention.person].gender in ("", gender)), None)
        if speaker is not None and not people[speaker].gender and self.last_subject_spoke:
            people[speaker].gender = gender
        return speaker

    def subject_after(self, cue_end: int, end: int) -> tuple[int | None, str]:
        """'"...," said Ambassador Zheng.': the speaker named right after the cue."""
        for mention in self.story.mentions:
            if cue_end <= mention.start < end:
                between = self.story.body[cue_end:mention.start]
                if len(between) < 60 and TITLE_WORDS.fullmatch(between.replace(",", " ")):
                    return mention.person, mention.title or between.strip()
                break
        return None, ""

    def by_title(self, title: str, before: int) -> int | None:
        """The person mentioned before with this title: "the Egyptian Foreign Minister", "the
        prime minister". A person whose whole title phrase matches ("Prime Minister and Minister
        of Foreign Affairs" for "the Prime Minister") wins over one who shares only its head
        word; "her Brazilian counterpart" holds the title of the person named before."""
        gazetteer = self.story.gazetteer
        country = _title_country(title, gazetteer)
        phrase = " ".join(gazetteer.country_pattern.sub(" ", title).casefold().split())
        # "Secretary of Foreign Affairs": the head comes before its "of".
        head = (phrase.split(" of ")[0] or title.casefold()).split()[-1]
        best, best_rank = None, (2, 0)
        previous_title = ""
        mentioned = [mention.person for mention in self.story.mentions if mention.start < before]
        # People the headline alone names come first: "Noon Briefing by X, Spokesman for
        # Secretary-General António Guterres" ... "the Secretary-General said".
        named_in_headline = set(range(len(self.story.people))) - {m.person for m in self.story.mentions}
        for index in [*sorted(named_in_headline), *mentioned]:
            person = self.story.people[index]
            held = person.title.casefold()
            if "counterpart" in held.split() and previous_title:
                held = previous_title
            elif held:
                previous_title = held
            if head not in held.split():
                continue
            rank = (0 if not country or person.country == country else 1 if person.country is None else 2,
                    0 if phrase in held else 1)
            # Among equals, the one the story is about (the last subject), else the latest.
            if rank < best_rank or rank == best_rank and best != self.last_subject:
                best, best_rank = index, rank
        return best if best_rank[0] < 2 else None

    def open(self, speaker, title, cue, start, end, paragraph) -> _Open:
        statement = _Open(speaker, title, cue, start, end, paragraph)
        self.found.append(statement)
        self.last_subject, self.last_subject_spoke = speaker, True
        return statement

    def text_start(self, cue: str, position: int, end: int) -> int:
        body = self.story.body
        if cue in AUDIENCE_CUES:
            # "told reporters that ...", "told parliament the harvest was good"
            told = OBJECT_THAT.match(body, position, end) or (
                cue == "told" and TOLD_AUDIENCE.match(body, position, end))
            if told:
                return told.end()
        detour = PREPOSITIONAL_THAT.match(body, position, end) or TIME_PHRASE.match(body, position, end)
        if detour:
            return detour.end()
        return AFTER_CUE.match(body, position, end).end()

    def paragraph(self, index: int, start: int, end: int) -> None:
        current: _Open | None = None
        dateline = DATELINE.match(self.story.body, start, end)
        start = dateline.end() if dateline else start  # "SUVA — Australia and Fiji will ..."
        # Cues are found once per paragraph and handed to the sentence that holds them.
        cues = list(self.story.gazetteer.cue_pattern.finditer(self.story.body, start, end))
        for sentence_start, sentence_end in _sentences(self.story.body[start:end], start):
            sentence_cues = [cue for cue in cues if sentence_start <= cue.start() < sentence_end]
            opened = self.sentence(index, sentence_start, sentence_end, sentence_cues)
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
        return NARRATION.match(self.story.body, start, end) is not None

    def sentence(self, paragraph: int, start: int, end: int, cues: list[re.Match]):
        """Statements opened by one sentence: the last one, False for none, None if no cue."""
        body, gazetteer = self.story.body, self.story.gazetteer
        opened: list[_Open] = []
        participle = gazetteer.participle_lead.match(body, start, end)
        quoted = _quoted_spans(body, start, end)
        saw_cue = False
        according = self.according(paragraph, start, end, quoted)
        if according is not None:
            saw_cue = True
            opened.append(according)
        for cue_match in cues:
            cue_start, cue_end = cue_match.span("cue")
            # A cue inside quotation marks is the speaker's word, and "the initiative proposed by
            # President Xi" or "was welcomed by" is passive: neither attributes anything.
            if any(a < cue_start < b for a, b in quoted) or PASSIVE_AFTER.match(body, cue_end) \
                    or _is_passive(body[max(start, cue_start - 24):cue_start].split()[-2:]) \
                    or cue_match.group("cue") in BASE_CUES and not _after_modal(body, start, cue_start) \
                    or cue_match.group("cue") in VISIT_CUES and not URGED_TO.match(body, cue_end, end):
                continue
            saw_cue = True
            kind, speaker, title, subject_start = self.subject_before(start, cue_start)
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
            text_start = self.text_start(cue, cue_end, end)
            if kind != "person" or speaker is None:
                if body[start] not in QUOTE_CHARS:
                    continue
                speaker, title = self.subject_after(cue_end, end)
                if speaker is None:
                    # '"Our security is intertwined," said the President.'
                    reference = gazetteer.title_after.match(body, cue_end, end)
                    if reference:
                        speaker = self.by_title(reference.group("title"), cue_start)
                        title = reference.group("title")
                if speaker is None:
                    continue
                subject_start = cue_start
                text_start = end
            if participle and not opened:
                comma = body.rfind(",", start, subject_start)
                self.open(speaker, title, PARTICIPLES[participle.group("cue").lower()],
                          participle.end(), comma, paragraph)
            closing = max(body.rfind('"', start + 1, subject_start), body.rfind("”", start + 1, subject_start))
            leading_quote = body[start] in OPENING_QUOTES and closing != -1
            if leading_quote and SPLIT_QUOTE.match(body, cue_end, end):
                # '"Egypt is ...," she said, "for the stability ..."': one quotation, both halves.
                statement = self.open(speaker, title, cue, start, end, paragraph)
                statement.kind = "direct"
                opened.append(statement)
                continue
            before_comma = self.comma_before(start, subject_start)
            resumed = not leading_quote and not participle and not opened and before_comma is not None \
                and PARENTHETICAL_AFTER.match(body, cue_end, end)
            if resumed and len(body[resumed.end():end].split()) > 3:
                # "The accession of Finland and Sweden, she said, meant that ...": the attribution
                # interrupts the sentence. A span is contiguous, so the text is the whole sentence,
                # attribution included, which keeps both halves and begins where the speech does.
                opened.append(self.open(speaker, title, cue, start, end, paragraph))
                continue
            if body[cue_end:end].strip() == ":" and body.startswith(("\n\n\"", "\n\n“"), end):
                # 'the Foreign Secretary said:' and the quotation as the next paragraph.
                quote_start = end + 2
                quote_end = body.find("\n\n", quote_start)
                statement = self.open(speaker, title, cue, quote_start,
                                      len(body) if quote_end == -1 else quote_end, paragraph + 1)
                statement.kind = "direct"
                opened.append(statement)
                continue
            if leading_quote or not body[text_start:end].strip(" .,;!?" + QUOTE_CHARS) or (
                    before_comma is not None and self.only_circumstances(cue_end, end)):
                # '"We are ready," Wang said.', '..., he said.', '..., Wong said on Thursday during
                # a visit.': the cue says only when, where or to whom, so the words before are the text.
                text_end = closing + 1 if leading_quote else before_comma if before_comma is not None else subject_start
                statement = self.open(speaker, title, cue, start, text_end, paragraph)
                opened.append(statement)
                if leading_quote:
                    statement.kind = "direct"
                    # '"...," he said, adding that ...'
                    self.split_coordinated(opened, end, cue_end)
                continue
            opened.append(self.open(speaker, title, cue, text_start, end, paragraph))
            self.split_coordinated(opened, end)
        if not opened:
            self.note_subject(start, end)
            return False if saw_cue else None
        return opened[-1]

    def comma_before(self, start: int, subject_start: int) -> int | None:
        """The comma that ends a clause before the subject ("..., foreign minister Penny Wong")."""
        body = self.story.body
        comma = body.rfind(",", start, subject_start)
        if comma <= start or not TITLE_WORDS.fullmatch(body, comma + 1, subject_start):
            return None
        # "..., and Minister Cho expressed his support": a new clause, whose text follows its cue.
        if CONJUNCTION_LEAD.match(body, comma + 1, subject_start):
            return None
        return comma

    def only_circumstances(self, cue_end: int, end: int) -> bool:
        """Whether the words after the cue are only its time, place or audience."""
        remainder = self.story.body[cue_end:end]
        if any(char in remainder for char in QUOTE_CHARS + ":") or THAT.search(remainder):
            return False
        # A few words without a verb ("told the BBC.") are an audience, not a reported clause.
        return bool(CIRCUMSTANCE.match(remainder)) or len(remainder.split()) <= 3

    def according(self, paragraph: int, start: int, end: int, quoted) -> _Open | None:
        """"..., according to Foreign Minister X." and "According to X, ...": X's statement."""
        body, story = self.story.body, self.story
        found = body.find("ccording to", start, end)
        match = found > start and ACCORDING.search(body, found - 2, end)
        if not match or any(a < match.start() < b for a, b in quoted):
            return None
        first = bisect_left(story.mention_starts, match.end())
        if first == len(story.mentions):
            return None
        mention = story.mentions[first]
        if mention.start >= end or not TITLE_WORDS.fullmatch(body, match.end(), mention.start):
            return None
        if match.start() == start:
            comma = body.find(",", mention.end, end)
            if comma == -1:
                return None
            text_start, text_end = comma + 1, end
        else:
            text_start, text_end = start, match.start()
            if not body[start:match.start()].rstrip().endswith(","):
                return None
        return self.open(mention.person, mention.title, "according to", text_start, text_end, paragraph)

    def split_coordinated(self, opened: list[_Open], end: int, after: int | None = None) -> None:
        """"He said ... , adding that ...": a second cue of the same speaker in one sentence."""
        body, gazetteer = self.story.body, self.story.gazetteer
        statement = opened[-1]
        after = statement.start if after is None else after
        if body.find(" and ", after, end) == -1 and body.find("ing ", after, end) == -1 \
                and body.find(" but ", after, end) == -1 and body.find(" who ", after, end) == -1:
            return  # neither "and said", "but stressed", ", who added" nor ", adding"
        for match in gazetteer.participle_inner.finditer(body, after, end):
            if any(a < match.start() < b for a, b in _quoted_spans(body, after, end)):
                continue
            if match.group("verb") in BASE_CUES and not _after_modal(body, after, match.start("verb")):
                continue
            cue = PARTICIPLES[match.group("cue")] if match.group("cue") else CUES[match.group("verb")]
            statement.end = min(statement.end, match.start())
            statement = self.open(statement.speaker, statement.title, cue, match.end(), end, statement.paragraph)
            opened.append(statement)

    def note_subject(self, start: int, end: int) -> None:
        """Remember who the sentence is about, for a later "He said"."""
        mentions = self.story.mentions
        for index in range(bisect_left(self.story.mention_starts, start), len(mentions)):
            mention = mentions[index]
            if mention.start >= start:
                if mention.start < end and not self.story.body[start:mention.start].strip(" ,").count(" ") > 8:
                    if self.story.gazetteer.narrative_verb.match(self.story.body, mention.end) \
                            or SUBJECT_VERB.match(self.story.body, mention.end):
                        self.last_subject, self.last_subject_spoke = mention.person, False
                break


def _press_conference(story: _Story, paragraphs: Sequence[str], offsets: list[int],
                      finder: _PeopleFinder) -> tuple[set[int], list[_Open]]:
    """Paragraph indexes of the questions and answers, and one statement per answer."""
    # A label ends with a colon near the start of its paragraph: look for the regex only then.
    labels = [PRESS_LABEL.match(paragraph) if ":" in paragraph[:52] or "：" in paragraph[:52] else None
              for paragraph in paragraphs]
    if not any(labels):
        return set(), []
    spokesperson = next((index for index, person in enumerate(story.people)
                         if SPOKESPERSON_WORDS.search(person.title)), None)
    if spokesperson is None:
        spokesperson = _interviewee(story, offsets[next(i for i, label in enumerate(labels) if label)])

    def answer_speaker(index: int, label: re.Match) -> int | None | bool:
        name = label.group("label")
        if name in ANSWER_LABELS or SPOKESPERSON_WORDS.fullmatch(name):
            return spokesperson if spokesperson is not None else False
        if name in QUESTION_LABELS:
            return None
        # A person the story names: "Wang Wenbin: ...", "Spokesperson Mumtaz Zahra Baloch: ...".
        start = offsets[index]
        first = bisect_left(story.mention_starts, start)
        inside = [m for m in story.mentions[first:first + 3] if m.end <= start + label.end("label")]
        if inside:
            return inside[-1].person
        person = finder.by_name.get(_fold(name))
        if person is None:
            person = finder.resolve_partial(name)
        if person is None and name.isupper() and HONORIFIC_LABEL.match(name):
            person = _briefer(story, finder, HONORIFIC_LABEL.sub("", name).title())
        # A bare name that answers rather than asks ("Dawn News: ...?" is an outlet's question).
        if person is None and spokesperson is None and len(name.split()) in (2, 3) \
                and NAME_RUN.fullmatch(name) and not paragraphs[index].rstrip().endswith("?") \
                and not any(word in story.gazetteer.non_name_words for word in name.split()):
            person = finder.add(name, "Spokesperson", None)
        return person

    speakers = [answer_speaker(index, label) if label else None for index, label in enumerate(labels)]
    is_press = any(label and label.group("label") in QUESTION_LABELS for label in labels) or any(
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


def _briefer(story: _Story, finder: _PeopleFinder, surname: str) -> int | None:
    """"MR MILLER: ..." answers: the spokesperson the header names in full ("Matthew Miller,
    Department Spokesperson"), or whoever of that surname the story names."""
    person = finder.resolve_partial(surname)
    if person is None:
        full_name = re.search(rf"\b(?:[{UPPER}][{LOWER}]+[ ]+){{1,3}}{re.escape(surname)}\b", story.body)
        if full_name:
            person = finder.add(full_name.group(), "Spokesperson", None)
    return person


def _interviewee(story: _Story, questions_start: int) -> int | None:
    """Who answers an interview's questions: the person the introduction says speaks ("Kenya's
    High Commissioner, X, spoke about trade ... Edited excerpts:"), else the only person it names."""
    intro = story.mentions[:bisect_left(story.mention_starts, questions_start)]
    for mention in intro:
        if story.gazetteer.speaks.match(story.body, mention.end, mention.end + 40):
            return mention.person
    named = {mention.person for mention in intro}
    return named.pop() if len(named) == 1 else None


def _statement_details(story: _Story, statement: _Open) -> FoundStatement:
    body = story.body
    text = body[statement.start:statement.end]
    people = story.people
    audience = on_behalf_of = ""
    starts = story.mention_starts
    inside = story.mentions[bisect_left(starts, statement.start):bisect_left(starts, statement.end)]
    first_stop = text.find(". ")
    first_sentence_end = statement.start + (first_stop if first_stop != -1 else len(text))
    if statement.cue in AUDIENCE_CUES and inside and inside[0].start - statement.start <= 30 \
            and not body[statement.start:inside[0].start].strip(" ,").count(" ") > 3:
        audience = people[inside[0].person].name
    if inside and GREETING_WORDS.search(body, statement.start, first_sentence_end):
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
    first = bisect_left(story.country_starts, statement.start)
    last = bisect_left(story.country_starts, statement.end, first)
    countries = tuple(dict.fromkeys(code for start, end, code in story.countries[first:last]
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
