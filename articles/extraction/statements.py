"""Attributed statements: one per cue whose subject is a person, a pronoun or a title, with the
text it introduces and the sentences that continue it. Who the subject is, `subjects` reads.

One per attribution cue ("said", "argued", "pointed out", "Noting that ...", "according to
X"; after an auxiliary or modal too: "has expressed", "had said", "would stress") whose
subject is a person, a pronoun or a title ("the Governor-General", "The prime minister",
"His Excellency the Prime Minister"). The subject is the name before the cue, the first name
of its clause when a description or relative clause of any length stands between them ("X,
who met ... on Tuesday, later said"), the name before an affiliation ("X of the Institute
for ... warned"), the name before ", who" ("X, who told me that ..."), the name or pronoun
opening the sentence for a cue after ", and" ("He raised ..., and affirmed that ..."), or
the name or title right after the cue ('"...," said X', '"...," said the President'). A
title resolves to the person who holds it in the story: the whole title phrase beats its
head word ("Prime Minister and Minister of Foreign Affairs" for "the Prime Minister"), "her
counterpart" holds the title of the person named before, someone introduced with the title
beats someone given it later, and among equals the last subject, else the latest, wins. Two
people joined by "and" ("X and her counterpart Y pledged", "X and Y, who said") are a group,
whose verb is nobody's statement. "He" or "she" is the last subject, unless that person is
known to be of the other gender (an honorific, a gendered title, or an earlier pronoun after
their own statement); "His Highness" is the person the story introduced so.
Cues inside quotation marks, passive cues ("proposed by", "was welcomed") and deeds ("called
on the President", "briefed the Council this morning") attribute nothing. A statement whose
words begin with another person's name and cue ("The spokesperson added that Minister X
briefed ...", "added that the Sudanese minister expressed ...") relays that person's words,
which are theirs; so are those after ", who" that follows a name or its office ("called on
Minister X, who said that ..."). The text is what follows the cue
(without "that", a time such as "on Monday", how and where ("clearly in Kyiv"), or the audience
of "told"), unless the cue says
only when, where or to whom it was said ('"...," X told reporters.', "..., X said on
Thursday during a visit."): then it is the words before, except after ", and" / ", but",
which start a new clause ("..., and Minister Cho expressed his support"). An attribution
inside a sentence ("The accession ..., she said, meant that ...") gives the whole sentence,
attribution included, because a span is contiguous and the speech begins before it. A
quotation split by its attribution is one statement, and so is a quotation opened in one
paragraph and attributed in the next. A second cue of the same speaker in the sentence (",
adding that", "and said", "but stressed that", ", who added that") opens a second statement;
a participle after a deed ("X delivered a speech, saying that ...") opens one for the
sentence's subject, and a cue introduced by "as" inside another's words ("..., as President
Xi pointed out, China ...") one for its own subject. The statement takes in the following
sentences of the paragraph until another attribution or a narrating sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .vocabulary import (
    ABBREVIATION, ABOUT, ACCORDING, ADVERB_WORDS, AFTER_CUE, AS_ASIDE, AS_SUBJECT, AUDIENCE_CUES, BASE_CUES,
    BRIEFING_CUES, CIRCUMSTANCE, CIRCUMSTANCE_BEFORE_QUOTE, CLAUSE_CUES, CLAUSE_SEPARATOR,
    CONJUNCTION_LEAD, CUES, DATELINE, DESCRIBING_AFTER, INTRODUCES_FOLLOWING, INVITATION_CUES,
    INVITED_TO, IRREGULAR_PAST_CUES, LOWER_WORD, MODALS, NARRATION, OBJECT_THAT, OPENING_QUOTES, OPPORTUNITY_BEFORE,
    PARENTHETICAL_AFTER, PARTICIPLES, PASSIVE_AFTER, PASSIVE_AUXILIARIES, PREPOSITIONAL_THAT,
    QUOTATION, QUOTE_CHARS, RELATIVE_WHO, SENTENCE_END, SINGLE_QUOTE_MARK, SPLIT_QUOTE, SUBJECT_VERB, THAT,
    TIME_PHRASE, TITLE_WORDS, TOLD_AUDIENCE, URGED_TO, VISIT_CUES, VISIT_PURPOSES,
)
from .story import Story
from .subjects import SubjectReader


def with_double_quotes(body: str) -> str:
    """The body with the single quotation marks of a story that quotes with them made double,
    character for character, so that the rules for quotations read them; the marks of a
    quotation that runs on into the next paragraph open it only."""
    if "'" not in body and "‘" not in body or any(mark in body for mark in QUOTE_CHARS):
        return body
    marks, opened = [], None
    for mark in SINGLE_QUOTE_MARK.finditer(body):
        if opened is not None and (paragraph_end := body.find("\n\n", opened, mark.start())) != -1:
            opens_paragraph = opened == 0 or body.startswith("\n\n", opened - 2)
            if opens_paragraph and mark["open"] and mark.start() == paragraph_end + 2:
                marks.append(opened)  # "'Every day ...", then "'That is why ...,' the minister said"
            opened = None
        if mark["open"] and opened is None:
            opened = mark.start()
        elif mark["close"] and opened is not None:
            marks += [opened, mark.start()]
            opened = None
    if not marks:
        return body
    characters = list(body)
    for position in marks:
        characters[position] = '"'
    return "".join(characters)


def _sentences(paragraph: str, offset: int) -> list[tuple[int, int]]:
    """Sentence spans in the body; a sentence never ends inside quotation marks."""
    spans, start = [], 0
    length = len(paragraph)
    for match in SENTENCE_END.finditer(paragraph):
        stop, end = match.span()
        before = paragraph[stop - 4:stop]
        # Four lower-case letters before the full stop end a word, not an abbreviation.
        if not (before.isalpha() and before.islower()) \
                and ABBREVIATION.search(paragraph, max(start, stop - 6), stop):
            continue
        if paragraph.count('"', start, end) % 2 or paragraph.count("“", start, end) > paragraph.count("”", start, end):
            continue
        spans.append((offset + start, offset + end))
        start = end
        while start < length and paragraph[start].isspace():
            start += 1
    last = len(paragraph.rstrip())
    if start < last:
        spans.append((offset + start, offset + last))
    return spans


# Where the words after a cue begin: past a detour ("said in his speech that", "said on Monday",
# "said at the summit, "...""), else past a colon, a comma or "that". One regex, tried in
# that order, in place of one match after another.
_TEXT_AFTER_CUE = re.compile("|".join(
    f"(?:{pattern.pattern})" for pattern in (PREPOSITIONAL_THAT, TIME_PHRASE, CIRCUMSTANCE_BEFORE_QUOTE, AFTER_CUE)))


def _is_passive(words_before: list[str]) -> bool:
    """"was welcomed", "were warmly welcomed": the two words before a cue."""
    if not words_before:
        return False
    if words_before[-1] in PASSIVE_AUXILIARIES:
        return True
    return len(words_before) == 2 and words_before[-1].endswith("ly") and words_before[0] in PASSIVE_AUXILIARIES


def _after_modal(body: str, start: int, cue_start: int) -> bool:
    """Whether a cue in the base form follows a modal: "would stress", "will also say", "took the
    opportunity to express"."""
    if body.endswith("to ", start, cue_start) and OPPORTUNITY_BEFORE.search(body, max(start, cue_start - 40), cue_start):
        return True
    words = body[max(start, cue_start - 40):cue_start].split()
    while words and words[-1] in ADVERB_WORDS:
        words.pop()
    return bool(words) and words[-1] in MODALS


def _reports_deed(body: str, cue: str, cue_end: int, end: int) -> bool:
    """"called on the President" is a visit, "invited X to attend the forum" a courtesy and
    "briefed the Security Council this morning" a meeting: deeds, not words, unless they urge
    something ("called on all parties to ...") or say what about ("briefed X on the talks")."""
    return cue in VISIT_CUES and _visits(body, cue_end, end) \
        or cue in INVITATION_CUES and INVITED_TO.match(body, cue_end, end) is not None \
        or cue in BRIEFING_CUES and not ABOUT.match(body, cue_end, end)


def _visits(body: str, cue_end: int, end: int) -> bool:
    """Whether "called on" visits: no "to" urges anything after it, or a person is called on to
    discuss or review something ("called on Dr. X to discuss ..."), not a party urged to."""
    urged = URGED_TO.match(body, cue_end, end)
    if urged is None:
        return True
    verb = LOWER_WORD.match(body, urged.end() - 1)
    return body[cue_end:end].lstrip()[:1].isupper() and verb is not None and verb.group() in VISIT_PURPOSES


def _introduces(body: str, cue_end: int, end: int) -> bool:
    """"informed the press of the following activities:": the words after the colon are the
    statements, each in its paragraph, not this introduction."""
    return body.find("following", cue_end, end) != -1 and INTRODUCES_FOLLOWING.match(body, cue_end, end) is not None


QUOTE_CLOSE = re.compile('["”]')


def _leaves_quote_open(text: str) -> bool:
    return bool(text.count('"') % 2 or text.count("“") > text.count("”"))


def quoted_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the quotations in a sentence, for telling a speaker's words from the report."""
    if body.find('"', start, end) == -1 and body.find("“", start, end) == -1:
        return []
    return [match.span() for match in QUOTATION.finditer(body, start, end)]


@dataclass
class OpenStatement:
    """A statement being built: its text grows by following sentences."""
    speaker: int
    title: str
    cue: str
    start: int
    end: int
    paragraph: int
    kind: str = ""


class StatementFinder(SubjectReader):
    def __init__(self, story: Story, *, in_dialogue: bool = False):
        self.story = story
        # Inside a briefing's questions and answers only the speech they report is looked for,
        # one sentence at a time: the sentences around it are the asker's or the answerer's,
        # and "we noted that X said" goes on to X.
        self.in_dialogue = in_dialogue
        self.last_subject: int | None = None
        self.last_subject_spoke = False  # whether the last subject was set by a statement
        self.found: list[OpenStatement] = []
        self.sentence_start = 0  # of the sentence being read
        # A paragraph that opens a quotation and leaves it open, and where the next one, which
        # closes it ('... a speedy recovery," said President X.'), starts.
        self.quote_left_open_in: int | None = None
        self.quote_continues_at: int | None = None

    def open(self, speaker, title, cue, start, end, paragraph) -> OpenStatement:
        statement = OpenStatement(speaker, title, cue, start, end, paragraph)
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
        return _TEXT_AFTER_CUE.match(body, position, end).end()

    def paragraph(self, index: int, start: int, end: int) -> None:
        current: OpenStatement | None = None
        if self.in_dialogue:
            self.last_subject = None  # "he" never reaches into another question or answer
        body = self.story.body
        # (One that opens with a quotation mark again, as British style does, is read as any other.)
        self.quote_continues_at = start if self.quote_left_open_in == index - 1 \
            and body[start:start + 1] not in OPENING_QUOTES else None
        self.quote_left_open_in = index if body[start:start + 1] in OPENING_QUOTES \
            and _leaves_quote_open(body[start:end]) else None
        dateline = DATELINE.match(body, start, end)
        start = dateline.end() if dateline else start  # "SUVA — Australia and Fiji will ..."
        # Cues are found once per paragraph and handed to the sentence that holds them.
        cues = list(self.story.gazetteer.cue_pattern.finditer(self.story.body, start, end))
        starts = [cue.start() for cue in cues]
        for sentence_start, sentence_end in _sentences(self.story.body[start:end], start):
            # The cues in order, so those of one sentence are a slice.
            sentence_cues = cues[bisect_left(starts, sentence_start):bisect_left(starts, sentence_end)] \
                if cues else []
            opened = self.sentence(index, sentence_start, sentence_end, sentence_cues)
            if opened is None and current is not None:
                # A sentence without attribution continues the reported speech, unless it narrates.
                if self.in_dialogue or self.closes(sentence_start, sentence_end):
                    current = None
                else:
                    current.end = sentence_end
            elif opened is not None:
                current = opened or None

    def quotations_over_paragraphs(self, spans: Sequence[tuple[int, int]], skipped: set[int]) -> None:
        """A quotation left open at the end of a paragraph ('"Bangladesh has been hosting ...'
        with no closing mark) and closed in the next, where it is attributed ('"The only
        sustainable solution ...," the Foreign Adviser said.'), is one statement: it begins where
        the quotation opens."""
        body = self.story.body
        opening = {statement.start: statement for statement in self.found if statement.kind == "direct"}
        for index, (start, end) in enumerate(spans[:-1]):
            if index in skipped or body[start:start + 1] not in OPENING_QUOTES:
                continue
            if not _leaves_quote_open(body[start:end]):
                continue
            statement = opening.get(spans[index + 1][0])
            if statement is not None and not any(s.paragraph == index for s in self.found):
                statement.start, statement.paragraph = start, index

    def closes(self, start: int, end: int) -> bool:
        """A narrative sentence ends the reported speech before it."""
        return NARRATION.match(self.story.body, start, end) is not None

    def sentence(self, paragraph: int, start: int, end: int, cues: list[re.Match]):
        """Statements opened by one sentence: the last one, False for none, None if no cue."""
        body, gazetteer = self.story.body, self.story.gazetteer
        self.sentence_start = start
        opened: list[OpenStatement] = []
        participle = gazetteer.participle_lead.match(body, start, end)
        quoted = quoted_spans(body, start, end)
        if start == self.quote_continues_at and (closing := QUOTE_CLOSE.search(body, start, end)):
            # The words up to the first closing mark end the quotation the paragraph before opened.
            quoted = [(start - 1, closing.end()), *quoted_spans(body, closing.end(), end)]
        saw_cue = deed = False
        # "according to" is rare: look for its words before calling on the rule.
        according = self.according(paragraph, start, end, quoted) \
            if body.find("ccording to", start + 1, end) != -1 else None
        if according is not None:
            saw_cue = True
            opened.append(according)
        for cue_match in cues:
            cue_start, cue_end = cue_match.span("cue")
            if not self.attributes(cue_match, start, end, quoted):
                # "Bekova invited Mr. Aziz to attend the forum.": a deed done, which ends the words before it.
                deed = deed or _reports_deed(body, cue_match.group("cue"), cue_end, end)
                continue
            saw_cue = True
            kind, speaker, title, subject_start = self.subject_before(start, cue_start)
            if kind == "group":
                if self.in_dialogue:
                    continue
                if opened:
                    break
                return False
            if opened and kind == "person" and speaker is not None and body.startswith(",", cue_end) \
                    and AS_SUBJECT.search(body, opened[-1].start, subject_start):
                # "Wang Yi said that, as President Xi Jinping pointed out, China and ...": the words
                # after the comma are Xi's as well, inside Wang Yi's statement, which goes on.
                subject = self.last_subject
                self.open(speaker, title, CUES[cue_match.group("cue")], cue_end + 1, end, paragraph)
                self.last_subject = subject
                continue
            outer_subject = None
            relaying = next((index for index in range(len(opened) - 1, -1, -1)
                             if opened[index].start <= subject_start), None) if opened else None
            if relaying is not None and self.relays(opened[relaying], kind, speaker, subject_start):
                # "The spokesperson added that Minister Abdelatty briefed ... and conveyed ...": the
                # minister's words, with the cues split off after them.
                for statement in opened[relaying:]:
                    self.found.remove(statement)
                del opened[relaying:]
            elif opened:
                # "Meredov noted that ..., and Saidov said that ...": a new subject, a new statement;
                # so is "..., Musalia Mudavadi, who had said that ...".
                clause = CLAUSE_SEPARATOR.search(body, opened[-1].start, subject_start)
                relative = not clause and speaker != opened[-1].speaker \
                    and RELATIVE_WHO.search(body, subject_start, cue_start)
                separator = clause or relative
                if kind != "person" or speaker is None or not separator:
                    continue
                if relative:
                    # "X said ... Y, who told Z that ...": X stays the subject whom "He added" continues.
                    outer_subject = opened[-1].speaker
                opened[-1].end = min(opened[-1].end, separator.start())
            cue = CUES[cue_match.group("cue")]
            text_start = self.text_start(cue, cue_end, end)
            if kind == "person" and AS_SUBJECT.search(body, start, subject_start):
                aside = AS_ASIDE.match(body, cue_end, end)
                text_start = aside.end() if aside else text_start
            if kind != "person" or speaker is None:
                if body[start] not in QUOTE_CHARS and start != self.quote_continues_at:
                    continue
                speaker, title = self.inverted_speaker(cue_start, cue_end, end)
                if speaker is None:
                    continue
                subject_start = cue_start
                text_start = end
            if participle and not opened:
                comma = body.rfind(",", start, subject_start)
                self.open(speaker, title, PARTICIPLES[participle.group("cue").lower()],
                          participle.end(), comma, paragraph)
            elif not opened and (between := gazetteer.participle_between.search(body, subject_start, cue_start)) \
                    and (comma := body.rfind(",", between.end(), cue_start)) != -1:
                # "Deputy Secretary Landau, noting that the alliance is ..., said that ...": two statements.
                self.open(speaker, title, PARTICIPLES[between.group("cue")], between.end(), comma, paragraph)
            self.open_at_cue(opened, speaker, title, cue, paragraph, start, end, cue_end, subject_start,
                             text_start, bool(participle))
            if outer_subject is not None:
                self.last_subject = outer_subject
        if not opened and not saw_cue:
            said = self.participle_after_deed(paragraph, start, end, quoted)
            if said is not None:
                return said
        if not opened:
            self.note_subject(start, end)
            return False if saw_cue or deed else None
        return opened[-1]

    def participle_after_deed(self, paragraph: int, start: int, end: int, quoted) -> OpenStatement | None:
        """"Ambassador Yu Dunhai delivered a keynote speech, saying that ...", "He addressed the
        forum, noting that ...": what the participle introduces is the words of the sentence's
        subject, a name or a pronoun opening it."""
        body = self.story.body
        match = self.story.gazetteer.participle_after.search(body, start, end)
        if match is None or any(a < match.start() < b for a, b in quoted):
            return None
        speaker, title = self.opening_subject(start, match.start())
        if speaker is None:
            return None
        return self.open(speaker, title, PARTICIPLES[match.group("cue")], match.end(), end, paragraph)

    def relays(self, statement: OpenStatement, kind: str, speaker: int | None, subject_start: int) -> bool:
        """Whether a statement only relays another's: its words begin with someone else's name
        or title and cue ("stated that Minister X stressed ...", "added that the Sudanese minister
        expressed ..."), as spokespersons report their ministers."""
        story = self.story
        if kind != "person" or speaker is None or speaker == statement.speaker or subject_start < statement.start:
            return False
        index = bisect_left(story.mention_starts, subject_start)
        named = index < len(story.mentions) and story.mentions[index].start == subject_start
        return (named or story.body.startswith(("the ", "The "), subject_start)) \
            and TITLE_WORDS.fullmatch(story.body, statement.start, subject_start) is not None

    def attributes(self, cue_match: re.Match, start: int, end: int, quoted) -> bool:
        """Whether a cue attributes anything. A cue inside quotation marks is the speaker's
        word, "the initiative proposed by President Xi" or "was welcomed by" is passive, and
        "called on the President" or "invited X to attend" reports a deed, not words."""
        body = self.story.body
        cue_start, cue_end = cue_match.span("cue")
        return not (
            quoted and any(a < cue_start < b for a, b in quoted) or PASSIVE_AFTER.match(body, cue_end)
            or _is_passive(body[max(start, cue_start - 24):cue_start].split()[-2:])
            or cue_match.group("cue") in BASE_CUES and not _after_modal(body, start, cue_start)
            or _reports_deed(body, cue_match.group("cue"), cue_end, end) or _introduces(body, cue_end, end))

    def inverted_speaker(self, cue_start: int, cue_end: int, end: int) -> tuple[int | None, str]:
        """'"...," said Ambassador Zheng.' or '"Our security is intertwined," said the President.'"""
        speaker, title = self.subject_after(cue_end, end)
        if speaker is None:
            reference = self.story.gazetteer.title_after.match(self.story.body, cue_end, end)
            if reference:
                speaker = self.by_title(reference.group("title"), cue_start)
                title = reference.group("title")
        return speaker, title

    def open_at_cue(self, opened: list[OpenStatement], speaker: int, title: str, cue: str, paragraph: int,
                    start: int, end: int, cue_end: int, subject_start: int, text_start: int,
                    after_participle: bool) -> None:
        """Open the statement of one cue where its text lies: after the cue, before it, around
        it, or in the next paragraph."""
        body = self.story.body
        closing = max(body.rfind('"', start + 1, subject_start), body.rfind("”", start + 1, subject_start))
        leading_quote = (body[start] in OPENING_QUOTES or start == self.quote_continues_at) and closing != -1
        if leading_quote and SPLIT_QUOTE.match(body, cue_end, end):
            # '"Egypt is ...," she said, "for the stability ..."': one quotation, both halves.
            statement = self.open(speaker, title, cue, start, end, paragraph)
            statement.kind = "direct"
            opened.append(statement)
            return
        before_comma = self.comma_before(start, subject_start)
        resumed = not leading_quote and not after_participle and not opened and before_comma is not None \
            and PARENTHETICAL_AFTER.match(body, cue_end, end)
        if resumed and len(body[resumed.end():end].split()) > 3:
            # "The accession of Finland and Sweden, she said, meant that ...": the attribution
            # interrupts the sentence. A span is contiguous, so the text is the whole sentence,
            # attribution included, which keeps both halves and begins where the speech does.
            opened.append(self.open(speaker, title, cue, start, end, paragraph))
            return
        if body[cue_end:end].strip() in (":", ",") and body.startswith("\n\n", end):
            # 'the Foreign Secretary said:' or 'He said,' ending the paragraph, and the words said
            # as the next paragraph.
            quote_start = end + 2
            quote_end = body.find("\n\n", quote_start)
            statement = self.open(speaker, title, cue, quote_start,
                                  len(body) if quote_end == -1 else quote_end, paragraph + 1)
            statement.kind = "direct"  # quoted or not, the words as said
            opened.append(statement)
            return
        if leading_quote or not body[text_start:end].strip(" .,;!?" + QUOTE_CHARS) or (
                before_comma is not None and self.only_circumstances(cue_end, end)):
            # '"We are ready," Wang said.', '..., he said.', '..., Wong said on Thursday during
            # a visit.': the cue says only when, where or to whom, so the words before are the text.
            if self.in_dialogue and not leading_quote and before_comma is None:
                return  # "I'd like to ask about what President X said": not X's words
            text_end = closing + 1 if leading_quote else before_comma if before_comma is not None else subject_start
            statement = self.open(speaker, title, cue, start, text_end, paragraph)
            opened.append(statement)
            if leading_quote:
                statement.kind = "direct"
                # '"...," he said, adding that ...'
                self.split_coordinated(opened, end, cue_end)
            return
        opened.append(self.open(speaker, title, cue, text_start, end, paragraph))
        self.split_coordinated(opened, end)

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

    def according(self, paragraph: int, start: int, end: int, quoted) -> OpenStatement | None:
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

    def split_coordinated(self, opened: list[OpenStatement], end: int, after: int | None = None) -> None:
        """"He said ... , adding that ...": a second cue of the same speaker in one sentence."""
        body, gazetteer = self.story.body, self.story.gazetteer
        statement = opened[-1]
        after = statement.start if after is None else after
        if body.find(",", after, end) == -1 and body.find(" and ", after, end) == -1 \
                and body.find(" but ", after, end) == -1:
            return  # neither ", adding", ", who added", ", reaffirmed", "and said" nor "but stressed"
        quoted = None  # the quotations, found once for all the matches
        for match in gazetteer.participle_inner.finditer(body, after, end):
            if quoted is None:
                quoted = quoted_spans(body, after, end)
            if quoted and any(a < match.start() < b for a, b in quoted):
                continue
            if match.group("verb") in BASE_CUES and not _after_modal(body, after, match.start("verb")):
                continue
            if match.group("lead") == "," and not self.second_verb(match, statement):
                continue
            if match.group("lead") == ", who":
                named = self.named_before_who(self.sentence_start, match.start())
                if named is not None and named.person != statement.speaker:
                    # "called on Secretary-General X, who said that ...": X's words, which the cue's
                    # own subject gives.
                    statement.end = min(statement.end, match.start())
                    return
            if match.group("verb") and _reports_deed(body, match.group("verb"), match.end("verb"), end):
                # "..., and invited Wang Yi to visit Brazil": a deed, which ends the words before it.
                statement.end = min(statement.end, match.start())
                return
            cue = PARTICIPLES[match.group("cue")] if match.group("cue") else CUES[match.group("verb")]
            statement.end = min(statement.end, match.start())
            # "..., and assured the Ambassador that ...": unless "that" follows the cue, the words
            # begin as after a first cue.
            text_start = match.end()
            if not body.startswith("that", text_start - 5):
                text_start = self.text_start(cue, match.end("verb") if match.group("verb") else match.end("cue"), end)
            statement = self.open(statement.speaker, statement.title, cue, text_start, end, statement.paragraph)
            opened.append(statement)

    def second_verb(self, match: re.Match, statement: OpenStatement) -> bool:
        """"Wang welcomed the visit, reaffirmed China's support ...": after a comma alone, a cue
        in the past tense is a second verb of the same subject when the words before it are
        the first cue's object, not a reported clause with its own verb ("said the agreement,
        signed in 2019, reaffirmed ..."), it takes an object of its own ("the concerns,
        expressed in the letter, ..." is a description) and no one else is its subject."""
        body = self.story.body
        verb = match.group("verb").split()[0]
        if not verb.endswith("ed") and verb not in IRREGULAR_PAST_CUES:
            return False
        if DESCRIBING_AFTER.match(body, match.end()) or THAT.search(body, statement.start, match.start()):
            return False
        if statement.cue in CLAUSE_CUES and body.find(",", statement.start, match.start()) != -1:
            return False  # "said the agreement, signed in 2019, reaffirmed ...": one clause
        # "..., while X, Qatar's Prime Minister, said ...": a subject of its own.
        kind, speaker, _, _ = self.subject_before(self.sentence_start, match.start("verb"))
        return kind == "none" or speaker == statement.speaker

    def note_subject(self, start: int, end: int) -> None:
        """Remember who the sentence is about, for a later "He said": a name near its start, or
        after a title set off by commas ("The Special Representative ..., María Isabel Salvador,
        briefed the Council."), followed by a verb."""
        body, mentions = self.story.body, self.story.mentions
        for index in range(bisect_left(self.story.mention_starts, start), len(mentions)):
            mention = mentions[index]
            if mention.start >= start:
                lead, verb_at = body[start:mention.start], mention.end
                if body.startswith(",", verb_at) and lead.endswith(", ") \
                        and TITLE_WORDS.fullmatch(lead.replace(",", " ")):
                    verb_at += 1  # the name set off by commas after its title
                elif lead.strip(" ,").count(" ") > 8:
                    break
                if mention.start < end and (self.story.gazetteer.narrative_verb.match(body, verb_at)
                                            or SUBJECT_VERB.match(body, verb_at)):
                    self.last_subject, self.last_subject_spoke = mention.person, False
                break


