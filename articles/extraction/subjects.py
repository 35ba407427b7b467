"""Who says it: the subject of an attribution cue.

The name before the cue, past adverbs, auxiliaries and a time ("Wang also said", "Guterres
on Tuesday called for"); the first name of its clause when a description or relative clause
stands between ("X, who met ..., said"), the name before an affiliation ("X of the Institute
for ... warned") or before ", who" ("X, who told me that ..."); the name or pronoun opening the
sentence for a cue after ", and"; a title the story has given someone ("the Foreign
Minister", "the head of Polish diplomacy", "her counterpart"); "He" or "She" as the last
subject of that gender may be; "His Highness" as the person the story introduced so; two
people joined by "and" as a group, whose verb is nobody's statement; and the name or title
right after an inverted cue ('"...," said X').
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .vocabulary import (
    AFFILIATION, CLAUSE_LEAD, COURTESY_ABBREVIATIONS, COURTESY_HEADS, COURTESY_SUBJECT, DIPLOMACY_HEAD,
    DIPLOMATIC_HEADS, DIPLOMAT_REFERENCES, FIRST_PERSON_SUBJECT, GAP_WORDS, GROUP_SUBJECT, GROUP_WORDS, JOINT_SUBJECT,
    LISTED_AFFILIATION, OFFICE_REFERENCES,
    OPENING_TITLE, PRONOUN_SUBJECT, QUOTE_CHARS, SENTENCE_PRONOUN, SUBJECT_VERB, TIME_TAIL, TIME_WORDS, TITLE_WORDS,
    TRAILING_TITLE,
)
from .story import Mention, Story
from .titles import title_country

# "Deputy Prime Minister" is another office than "Prime Minister": it holds the phrase only as its head word does.
SUBORDINATE_OFFICE = re.compile(r"\b(?:deputy|vice|assistant|under)\s+$")


class SubjectReader:
    """The part of a statement finder that reads subjects. It keeps who the last subject was
    ("He said" after "X met Y"), and whether that subject was set by a statement of theirs."""

    story: Story
    last_subject: int | None
    last_subject_spoke: bool
    found: list  # the statements found so far

    def subject_before(self, sentence_start: int, cue_start: int) -> tuple[str, int | None, str, int]:
        """What stands before a cue: ("person"|"group"|"none", person index, title, subject start)."""
        story, body = self.story, self.story.body
        cut, words = self.subject_end(sentence_start, cue_start)
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
            speaker = self.met_in_first_person(sentence_start, prefix_start + pronoun.start(1))
            if speaker is None:
                speaker = self.pronoun_person("f" if last_word == "she" else "m", cut)
            if speaker is None:
                return "none", None, "", cut
            return "person", speaker, "", prefix_start + pronoun.start(1)
        if last_word in GROUP_WORDS and GROUP_SUBJECT.search(prefix):
            return "group", None, "", cut
        if last_word == "who" and body.endswith(", who", 0, cut):
            # "... with the Prime Minister of Qatar, Sheikh X, who told me that ...": the name before.
            mention = self.named_before_who(sentence_start, cut - 5)
            if mention is not None:
                if self.joint_subject(sentence_start, mention, opens_clause=False):
                    return "group", None, "", mention.start  # "X and Y, who said": both, nobody's
                return "person", mention.person, mention.title, mention.start
        courtesy = COURTESY_SUBJECT.search(prefix) if last_word in COURTESY_HEADS else None
        if courtesy:
            speaker = self.courtesy_person(courtesy.group(), prefix_start + courtesy.start())
            if speaker is not None:
                return "person", speaker, "", prefix_start + courtesy.start()
        return self.titled_subject(prefix, prefix_start, words, last_word, cut) \
            or self.named_subject_earlier(sentence_start, cut, cue_start, prefix) \
            or ("none", None, "", cut)

    def named_before_who(self, sentence_start: int, comma: int) -> Mention | None:
        """The mention a ", who" at `comma` follows: the name right before it, or before the office
        set off after it ("Dato' Seri X, Minister of Foreign Affairs of Malaysia, who said")."""
        story = self.story
        mention = story.mention_end.get(comma)
        if mention is None:
            first = bisect_left(story.mention_starts, sentence_start)
            before = [m for m in story.mentions[first:bisect_left(story.mention_starts, comma)] if m.end < comma]
            office = before and story.gazetteer.appositive.match(story.body, before[-1].end, comma + 1)
            mention = before[-1] if office and office.end() == comma else None
        return mention if mention is not None and mention.start >= sentence_start else None

    def courtesy_person(self, courtesy: str, before: int) -> int | None:
        """Who "His Highness" or "Her Excellency" is: someone the story named after those words
        ("His Highness Sheikh Abdullah bin Zayed Al Nahyan, ..."), the last subject if among
        them, else the first, whom the story is about ("... conveyed greetings to His Highness
        Sheikh Mohamed" names someone else)."""
        story, body = self.story, self.story.body
        named = []
        # "His Highness" stands for the one named after "His Royal Highness" or "H.H." too.
        words = courtesy.split()
        abbreviation = COURTESY_ABBREVIATIONS.get(words[-1].casefold())
        forms = re.compile(rf"\b{re.escape(words[0])}\s+(?:Royal\s+)?{re.escape(words[-1])}\b"
                           + (rf"|(?<![\w.]){abbreviation}" if abbreviation else ""))
        for match in reversed(list(forms.finditer(body, 0, before))):
            index = bisect_left(story.mention_starts, match.end())
            if index < len(story.mentions):
                mention = story.mentions[index]
                if TITLE_WORDS.fullmatch(body, match.end(), mention.start):  # "Sheikh", "Prince"
                    named.append(mention.person)
        if self.last_subject in named:
            return self.last_subject
        return named[-1] if named else None

    def subject_end(self, sentence_start: int, cue_start: int) -> tuple[int, list[str]]:
        """Where the subject of a cue ends, past adverbs, auxiliaries and a time ("Wang also
        said", "Guterres on Tuesday called for"), and the words before that point."""
        body = self.story.body
        cut, words = self.past_gap_words(sentence_start, cue_start)
        if words and words[-1] in TIME_WORDS:
            time = TIME_TAIL.search(body, max(sentence_start, cut - 30), cut)
            if time:
                # "has today expressed": an auxiliary may stand before the time as well.
                cut, words = self.past_gap_words(sentence_start, time.start())
        return cut, words

    def past_gap_words(self, sentence_start: int, end: int) -> tuple[int, list[str]]:
        """Where the words before `end` stop, past adverbs and auxiliaries, and those words."""
        body = self.story.body
        words = body[max(sentence_start, end - 30):end].split()
        # Only when an adverb stands before the cue ("Wang also said") is the regex needed.
        if words and words[-1].rstrip(",").casefold() in GAP_WORDS:
            tail = self.story.gazetteer.subject_tail.search(body, max(sentence_start, end - 60), end)
            cut = tail.start() if tail else end
            return cut, body[max(sentence_start, cut - 30):cut].split()
        cut = end
        while cut > sentence_start and body[cut - 1].isspace():
            cut -= 1
        return cut, words

    def titled_subject(self, prefix: str, prefix_start: int, words: list[str], last_word: str,
                       cut: int) -> tuple[str, int, str, int] | None:
        """A title for a subject: "the Foreign Minister said", "the Secretary of Foreign Affairs
        thanked", "the head of Polish diplomacy said"."""
        gazetteer = self.story.gazetteer
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
        return None

    def named_subject_earlier(self, sentence_start: int, cut: int, cue_start: int,
                              prefix: str) -> tuple[str, int | None, str, int] | None:
        """A name earlier in the sentence that is the cue's subject: set off by commas, with an
        affiliation, or the subject of an earlier verb ("X arrived ... and told reporters", "He
        raised ..., and affirmed that")."""
        story, body = self.story, self.story.body
        if prefix.endswith(" and"):
            # "The Sudanese Foreign Minister handed over a message from President X, and praised":
            # the title opening the sentence, not a name inside the clause between.
            opening = OPENING_TITLE.match(body, sentence_start, cut)
            title = opening.group("title").strip() if opening else ""
            if title and title.rsplit(" ", 1)[-1].casefold() in story.gazetteer.title_words:
                index = self.by_title(title, cut)
                if index is not None:
                    return "person", index, title, sentence_start
        first = bisect_left(story.mention_starts, sentence_start)
        sentence_mentions = [m for m in story.mentions[first:bisect_left(story.mention_starts, cut)] if m.end < cut]
        if not sentence_mentions:
            # "He also raised the protection of ..., and affirmed that ...": the pronoun opening it.
            pronoun = SENTENCE_PRONOUN.match(body, sentence_start, cut) if prefix.endswith(" and") else None
            if pronoun:
                speaker = self.pronoun_person("f" if pronoun.group(1) == "She" else "m", cut)
                if speaker is not None:
                    return "person", speaker, "", sentence_start
            return None
        # "Wang Yi, Member of the Political Bureau ..., said", "X, who met ..., said": the
        # subject is the first name of its clause, set off by commas from the cue.
        set_off = prefix.endswith(",") or body[cut:cue_start].lstrip().startswith(",")  # "..., later said"
        if set_off:
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
        if prefix.endswith(" and"):
            mention = sentence_mentions[0]
            if story.gazetteer.speaks.match(body, mention.end) or SUBJECT_VERB.match(body, mention.end) \
                    and not TRAILING_TITLE.sub("", body[sentence_start:mention.start]).strip():
                return "person", mention.person, mention.title, mention.start
        return None

    def joint_subject(self, sentence_start: int, mention: Mention, opens_clause: bool = True) -> bool:
        """"Baerbock and her Brazilian counterpart Vieira pledged": two people, one verb. Unless
        `opens_clause` is False ("... under X and Y, who said"), the first name opens its clause."""
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
        if not opens_clause:
            return True
        # The first name opens its clause: "X and Y said", not "X met Y and Z said".
        lead = TRAILING_TITLE.sub("", body[sentence_start:other.start])
        return not lead or lead.endswith(",") or CLAUSE_LEAD.search(lead) is not None

    def met_in_first_person(self, sentence_start: int, pronoun_start: int) -> int | None:
        """"When I met President X this morning, he told me that ...": in a speaker's own words the
        one person the clause before the pronoun names is "he", not the story's last subject."""
        clause = self.story.body[sentence_start:pronoun_start]
        if not FIRST_PERSON_SUBJECT.search(clause):
            return None
        first = bisect_left(self.story.mention_starts, sentence_start)
        named = {mention.person for mention in
                 self.story.mentions[first:bisect_left(self.story.mention_starts, pronoun_start)]}
        return named.pop() if len(named) == 1 else None

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
        country = title_country(title, gazetteer)
        phrase = " ".join(gazetteer.country_pattern.sub(" ", title).casefold().split())
        # "Secretary of Foreign Affairs": the head comes before its "of".
        head = (phrase.split(" of ")[0] or title.casefold()).split()[-1]
        # "the diplomat" is whoever holds a diplomatic office: an ambassador, an envoy, a consul.
        heads = DIPLOMATIC_HEADS if head in DIPLOMAT_REFERENCES else OFFICE_REFERENCES.get(phrase, (head,))
        best, best_rank = None, (2,)
        speakers = {statement.speaker for statement in self.found}
        previous_title = ""
        mentioned = [mention for mention in self.story.mentions if mention.start < before]
        # People the headline alone names come first: "Noon Briefing by X, Spokesman for
        # Secretary-General António Guterres" ... "the Secretary-General said".
        named_in_headline = set(range(len(self.story.people))) - {m.person for m in self.story.mentions}
        # A title the story gave the person once counts too: "The Minister of Foreign Affairs,
        # Ambassador X" is "the Minister" though "Ambassador" is the title kept.
        other_titles = {}
        # So does an office set off before it: "The Minister of State for Foreign Affairs, Ambassador X".
        for mention in mentioned:
            if mention.title or mention.office:
                other_titles.setdefault(mention.person, set()).update(
                    f"{mention.title} {mention.office}".casefold().split())
        for index in [*sorted(named_in_headline), *(mention.person for mention in mentioned)]:
            person = self.story.people[index]
            held = person.title.casefold().replace("/", " ")  # "High Representative/Vice-President"
            # "Advisor to the Prime Minister" serves that office rather than holding it.
            held = held.split(" to ", 1)[0]
            if "counterpart" in held.split() and previous_title:
                held = previous_title
            else:
                previous_title = held  # only the person named right before has the counterpart's title
            if not any(head in held.split() or head in other_titles.get(index, ()) for head in heads):
                continue
            # The same title wins over a longer one holding it: "the Foreign Minister" is rather
            # "Foreign Minister X" than "Acting Foreign Minister of Afghanistan Y"; but either wins
            # only once it has spoken, when someone has: "the Prime Minister" is the host "Prime
            # Minister and Minister for Foreign Affairs X", not "Prime Minister Y" whose greetings
            # a guest conveyed.
            same = " ".join(gazetteer.country_pattern.sub(" ", person.title).casefold().split()) == phrase
            phrase_at = held.find(phrase)
            fit = 0 if same else 1 if phrase_at != -1 and not SUBORDINATE_OFFICE.search(held, 0, phrase_at) else 2
            # "The President of India, Smt. X, ... Among the awardees were ... Y (Suriname). ... the
            # President said": the one introduced with the title (or as a counterpart) before, not
            # one given it later.
            introduced = index in named_in_headline \
                or not other_titles.get(index, set()).isdisjoint((*heads, "counterpart"))
            rank = (0 if not country or person.country == country else 1 if person.country is None else 2,
                    0 if introduced else 1, 0 if fit < 2 and (index in speakers or not speakers) else 1, fit)
            # Among equals, the one the story is about (the last subject), else the latest.
            if rank < best_rank or rank == best_rank and best != self.last_subject:
                best, best_rank = index, rank
        return best if best_rank[0] < 2 else None

    def opening_subject(self, start: int, before: int) -> tuple[int | None, str]:
        """The subject that opens a sentence, with a verb after it: a name after its title
        ("Ambassador Yu Dunhai delivered"), or "He"/"She"."""
        story, body = self.story, self.story.body
        pronoun = SENTENCE_PRONOUN.match(body, start, before)
        if pronoun:
            return self.pronoun_person("f" if pronoun.group(1) == "She" else "m", start), ""
        index = bisect_left(story.mention_starts, start)
        if index == len(story.mentions) or story.mentions[index].start >= before:
            return None, ""
        mention = story.mentions[index]
        if TRAILING_TITLE.sub("", body[start:mention.start]).strip() or not (
                story.gazetteer.narrative_verb.match(body, mention.end) or SUBJECT_VERB.match(body, mention.end)):
            return None, ""
        return mention.person, mention.title
