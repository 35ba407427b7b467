"""What does not depend on the story: the countries and known people, and every pattern
built from them, compiled once and reused for every story."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from articles.country_aliases import COUNTRY_ALIASES

from .vocabulary import (
    ADVERBS, AUXILIARIES, CUES, GEOGRAPHIC_WORDS, HONORIFICS, LOWER_TITLE_HEADS,
    LOWER_TITLE_QUALIFIERS, NARRATIVE_VERBS, NON_COUNTRY_NAMES, NON_NAME_WORDS, OF_HEADS, OPPORTUNITY_TO, PARTICIPLES,
    DIPLOMAT_REFERENCES, REFERENCE_HEADS, TITLE_HEADS,
)
from .names import person_key


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


class Gazetteer:
    """Country names and known people, compiled once and reused for every story."""

    def __init__(self, countries: Iterable[CountryEntry], people: Iterable[PersonEntry] = ()):
        self.country_entries = tuple(countries)
        self.compile_countries()
        self.compile_titles()
        self.compile_cues()
        self.index_people(people)

    def compile_countries(self) -> None:
        """Every country's names, aliases and demonyms in one trie-shaped regex, and the words
        of country names that split a run of name words."""
        self.country_by_name: dict[str, str | None] = {}
        for entry in self.country_entries:
            for name in entry.names:
                # pycountry's "Iran, Islamic Republic of" is never printed in a story.
                if name and "," not in name and "(" not in name:
                    self.country_by_name.setdefault(name, entry.code)
                    if name.startswith("the "):
                        self.country_by_name.setdefault("The " + name[4:], entry.code)
                    if " of the " in name:  # "Democratic Republic of Congo" is written without "the" too
                        self.country_by_name.setdefault(name.replace(" of the ", " of ", 1), entry.code)
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
        # So do the words of official names, whether the gazetteer spells them out or not: "the
        # Democratic Socialist Republic of Sri Lanka".
        country_words = {name for name in self.country_by_name if " " not in name}
        self.non_name_words = NON_NAME_WORDS | country_words | GEOGRAPHIC_WORDS

    def compile_titles(self) -> None:
        """The shapes of a title before a name, set off after it, or standing for a person."""
        # A rank held in retirement: "Maj. Gen. (Rtd) Francis Ofori".
        retired = r"\((?:Rtd|Retd|rtd|retd)\.?\)"
        heads = _trie_pattern(TITLE_HEADS + HONORIFICS)
        # Titles stay within a line and a sentence: words carry no full stop, spaces no newline.
        lower_heads = _trie_pattern(LOWER_TITLE_HEADS)
        qualifier = (r"(?!(?:When|The|On|In|At|During|After|Before|He|She|It|This|That|And|But|"
                     r"While|As|Both|Also|With|By|For|From|To)\b)[A-Z][\w'’-]*"
                     rf"|(?:{'|'.join(LOWER_TITLE_QUALIFIERS)})(?![\w-])")
        # Words of an office's body, ordinals included: "the 2nd Asian Affairs Department", "Côte d'Ivoire".
        # A personal rank after an office is the name's, not the body's: "... of Lagos Professor X".
        org_word = r"(?:(?!(?:Professor|Prof|Dr|Mr|Mrs|Ms)\b)(?:d['’])?[A-Z][\w'’-]*|[1-9][0-9]?(?:st|nd|rd|th))"
        # "Chargé d'affaires a.i.", "Ambassador ad interim": the office held for the time being.
        interim = r"(?:[ ]+(?:a\.i\.|ad[ ]+interim))?"
        # "Vice-Chancellor", "Under-Secretary-General", "Co-Chair": a head with its rank joined on.
        ranked = r"(?:(?:Vice|Deputy|Under|Co|Pro)-)?"
        of_heads = rf"(?:{'|'.join(OF_HEADS)})(?=[ ]+of[ ])"  # "Chief of Staff"
        head_phrase = rf"(?:(?:{qualifier})[ ]+){{0,3}}(?:{ranked}(?:{heads})|{of_heads}|(?<![\w'’-]){lower_heads}(?![\w-]))" \
                      rf"{interim}" \
                      rf"(?:[ ]+(?:of|to|for|at|in|on)[ ]+(?:the[ ]+)?" \
                      rf"{org_word}(?:(?:[ ]+(?:of|and|for|the|on|in|to))*[ ]+{org_word}){{0,10}}" \
                      rf"(?:(?:,[ ]+{org_word}(?:[ ]+{org_word}){{0,3}})+,?[ ]+and[ ]+{org_word}(?:[ ]+{org_word}){{0,3}}" \
                      rf"(?:[ ]+of[ ]+(?:the[ ]+)?{org_word}(?:(?:[ ]+(?:of|the))*[ ]+{org_word}){{0,4}})?)?)?"
        # (The last part: a list of portfolios, "of Foreign Affairs, Emigration and Egyptian Expatriates",
        # and whose they are: "..., African Integration and Ivorians Abroad of Côte d'Ivoire", "...
        # and Francophonie of the Democratic Republic of the Congo".)
        # Anchored at a name's first letter: "Chinese State Councilor and Foreign Minister ",
        # "High Representative/Vice-President ".
        self.title_tail = re.compile(
            rf"(?<![\w'’-])(?:(?:visiting|then|former|incoming|new|outgoing|current|acting)[ ]+)?"
            rf"(?P<title>{head_phrase}(?:,?[ ]+(?:and|&)[ ]+{head_phrase}|/{head_phrase})*)"
            # "Secretary-General of ASEAN Dr. ", "Lt. Gen. (Rtd) "
            rf"(?:[ ]+(?:{_trie_pattern(HONORIFICS + ('Professor', 'Prof.', 'Sri'))}|{retired}))*[ ]+$")
        verbs = "|".join(map(re.escape, sorted(set(CUES) | set(NARRATIVE_VERBS), key=len, reverse=True)))
        # A full stop that ends a sentence, not an abbreviation's: "... Institute Dr. Akinloye Ojo".
        not_abbreviated = "".join(f"(?<!\\b{word})" for word in (
            "Dr", "Mr", "Ms", "Mrs", "Mme", "Prof", "Hon", "Rt", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Maj", "Brig",
            "Adm", "Capt", "Cdr", "Amb", "Md", "Ma", "[A-Z]"))
        # "Wang Yi, Member of the Political Bureau ..., met", "Rogozin, Deputy Prime Minister of
        # Russia, and ...", "X, Director of the Institute; Y, ...": an office set off by a comma;
        # in a contact line, a dash may close it ("X, Spokesperson to the President - media@...").
        self.appositive = re.compile(
            rf",\s+(?P<title>(?:the\s+)?{head_phrase}(?:,?\s+(?:and|&)\s+{head_phrase})*)\s*"
            rf"(?=[,;:)]|{not_abbreviated}\.(?:\s|$)|\s+(?:and\b|&|{verbs})|[ ]+[-–—|][ ]|$)")
        # "the Prime Minister of New Zealand, Christopher Luxon,": a name in apposition to a title,
        # after styles ("..., Dato' Sri ") and a rank before them ("..., Senator the Hon. "); the
        # office's initials may stand before the comma ("the Head of the ... Agency (AMEXCID), X").
        self.title_before_comma = re.compile(
            rf"(?<![\w'’-])(?P<title>{head_phrase}(?:,?[ ]+(?:and|&)[ ]+{head_phrase})*)"
            rf"(?:[ ]+\([A-Z][A-Za-z&-]*[A-Z]\))?,[ ]+"
            rf"(?:(?:{heads})[ ]+(?=the[ ]))?(?:(?:{_trie_pattern(HONORIFICS + ('Sri',))}|{retired}|the)[ ]+)*$")
        # "Minister for the Americas and Caribbean": an office that closes at the end of the
        # text searched.
        self.office_closing = re.compile(rf"(?<![\w'’-]){head_phrase}$")
        # "Ahmed Attaf, Algeria's foreign minister, said", "X, who met ... leaders, said": whatever
        # stands between the commas describes the name before it when a verb follows.
        self.apposition = re.compile(
            rf",[ ]+(?P<title>[^.;:!?\"“”\n]{{2,160}}?),[ ]+(?:{ADVERBS}[ ]+)*(?:on[ ]+\w+[ ]+)?"
            rf"(?P<verb>{verbs})\b")
        # "moderated by Daniel Mbeki Ross, a senior fellow at the institute.": a closing description.
        # "Aung Kyaw Moe, permanent secretary of its foreign ministry,": a lower-case description too.
        self.description = re.compile(
            r",[ ]+(?P<title>(?:(?:a|an|the|its|his|her|their)[ ]+)?[a-z][^.;:!?\"“”\n,]{2,120}?)(?P<verb>)(?=[.;,]|$)")
        self.title_words = frozenset(
            word.casefold() for word in TITLE_HEADS + HONORIFICS + LOWER_TITLE_HEADS + REFERENCE_HEADS
            + DIPLOMAT_REFERENCES)
        # "the Egyptian Foreign Minister", "The prime minister", "the Governor-General", "the
        # Mexican Secretary of Foreign Affairs".
        # Offices joined by "and" are one title: "the Deputy Prime Minister and Minister of Foreign Affairs".
        office = rf"(?:(?:[A-Z][\w'’-]*|{'|'.join(LOWER_TITLE_QUALIFIERS)})\s+){{0,3}}" \
                 rf"(?:{heads}|{heads.lower()}|spokesperson|president|minister|ambassador|" \
                 rf"{'|'.join(DIPLOMAT_REFERENCES)}|" \
                 rf"{'|'.join(REFERENCE_HEADS)})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?"
        reference = rf"(?P<title>{office}(?:\s+and\s+{office})*)"
        # "the Hon. Minister": a courtesy may stand before the title.
        the = r"(?:the|The)\s+(?:Hon(?:ourable|orable|['’]ble|\.)?\s+)?"
        self.title_reference = re.compile(rf"\b{the}{reference}\s*$")
        # '"...," said the President.': a title right after an inverted cue.
        self.title_after = re.compile(rf"\s+{the}{reference}(?=[\s.,;!?]|$)")

    def compile_cues(self) -> None:
        """Attribution cues, as printed after a subject, a participle or a conjunction."""
        cue_forms = sorted(CUES, key=len, reverse=True)
        # A cue follows a space; the literal space lets the regex engine skip ahead quickly.
        self.cue_pattern = re.compile(rf" (?P<cue>{_trie_pattern(CUES)})\b")
        # The cues as a trie: it tries the longest cue that fits first, as the list sorted by
        # length did, without trying every cue in turn.
        self.speaks = re.compile(
            rf"\s*,?\s*(?:(?:{ADVERBS}|{AUXILIARIES})\s+)*"
            rf"(?P<verb>(?:{_trie_pattern(cue_forms)})|(?:{'|'.join(NARRATIVE_VERBS)}))\b")
        self.subject_tail = re.compile(rf"(?:\s*,?\s+(?:{ADVERBS}|{AUXILIARIES}|{OPPORTUNITY_TO}))*\s*$")
        # "X, noting that ..., said that ...": a participle set off between a subject and its cue.
        self.participle_between = re.compile(rf", (?P<cue>{_trie_pattern(PARTICIPLES)}) that ")
        self.participle_lead = re.compile(
            rf"(?P<cue>{_trie_pattern(p.capitalize() for p in PARTICIPLES)})"
            r"\s+(?:that\s+)?")
        # ", adding that", ", and stressed", " and said", ", reaffirmed": single spaces, which the
        # engine scans fast.
        self.participle_inner = re.compile(
            # Every alternative opens with a comma or a space: the lookahead fails elsewhere at once.
            rf"(?=[, ])(?:, (?:and\s+)?(?P<cue>{_trie_pattern(PARTICIPLES)})"
            rf"|(?P<lead>,? (?:and|but)|, who|,)\s+(?:{ADVERBS}\s+)?(?P<verb>{_trie_pattern(CUES)}))"
            r":?\s+(?:that\s+)?")  # "... and said: "...""
        self.narrative_verb = re.compile(
            rf"\s*(?:{ADVERBS}\s+)?(?:{'|'.join(NARRATIVE_VERBS)})\b")
        # "Ambassador X delivered a keynote speech, saying that ...": a participle after a deed.
        self.participle_after = re.compile(
            rf", (?:and )?(?P<cue>{_trie_pattern(PARTICIPLES)})\s+(?:that\s+)?")

    def index_people(self, people: Iterable[PersonEntry]) -> None:
        """The people the newsroom knows, by every name and alias, folded."""
        self.people = tuple(people)
        self.person_by_name: dict[str, PersonEntry] = {}
        for person in self.people:
            for name in (person.name, *person.aliases):
                self.person_by_name.setdefault(person_key(name), person)

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
