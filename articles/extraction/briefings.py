"""Press briefings and interviews: labelled questions and answers, one statement per answer.

Press conferences give one statement per answer; a label names the speaker only when it
holds a person of the story ("Spokesperson X:", "Shri X, Official Spokesperson:"), so
outlets' questions ("Dawn News:") and other labels ("Issued by:", "Minister Wong's office:")
are no one's statements; a journalist's name before an outlet ("X (WION):") asks. "A:",
"Spokesman:" or "Deputy Spokesman:" answer the spokesperson or, in an interview, the person
the headline names ("Interview of Ambassador X", "X's Doorstop Interview") or the
introduction says speaks ("Kenya's envoy, X, spoke about ..."); a title ("Minister:") answers
the person who answered with it before, or the interviewee who holds it; a label in capitals
names its speaker after the title ("FOREIGN MINISTER PENNY WONG:", then "WONG:"). Questions
may be labelled "Q." as well as "Q:" or "JOURNALIST:", and where no answer is labelled, the
paragraphs after a question are the answer. A greeting
("Namaskar, good afternoon ... I have a few announcements") or a word of thanks is no
statement. The paragraphs right before the first question are the spokesperson's
announcements, back to a heading, a question, someone's reported words or the briefing's
introduction (after "the following announcements:", reported words too); when those
paragraphs speak in the first person (a transcript of remarks, a briefing read out by its
spokesperson), headings only divide them and reported words are passed over. Questions and
answers are read for the speech they report ("Q: Secretary Blinken said on Monday that ...
What is your comment?"), which belongs to the person quoted, not to the asker or answerer. A speech or statement with
no questions, in the first person or opening by addressing the chair, is the words of the person
its headline names ("Remarks by X") or its first paragraph introduces ("X issued the following
statement:").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from .vocabulary import (
    ANSWER_LABELS, BRIEFING_WORDS, FIRST_PERSON, HONORIFIC_LABEL, JOURNALIST_LABEL, LOWER, LOWER_TITLE_QUALIFIERS,
    NAME_RUN, PLEASANTRY, POSSESSIVE, PRESS_LABEL, QUESTION_LABELS, QUOTATION, SPOKESPERSON_WORDS,
    TURNS_TO_QUESTIONS, UPPER,
)
from .names import person_key
from .story import Story
from .people import PeopleFinder
from .statements import OpenStatement, StatementFinder


@dataclass
class Briefing:
    """A briefing's or an interview's labelled paragraphs: questions, and answers with the
    paragraphs that run on from them."""
    covered: set[int] = field(default_factory=set)  # paragraph indexes of questions and answers
    answers: list[OpenStatement] = field(default_factory=list)  # one statement per answer
    answerers: dict[int, int | None] = field(default_factory=dict)  # who answers in each paragraph
    label_ends: dict[int, int] = field(default_factory=dict)  # where each label ends in its paragraph
    greetings: set[int] = field(default_factory=set)  # labelled paragraphs that only greet or thank
    spokesperson: int | None = None  # who announces before the questions: never an interviewee
    first_label: int | None = None  # the paragraph of the first question or answer, past greetings
    own_voice: bool = False  # whether the paragraphs before the questions speak in the first person


def press_conference(story: Story, title: str, paragraphs: Sequence[str], offsets: list[int],
                     finder: PeopleFinder) -> Briefing:
    """The questions and answers of a briefing or an interview, one statement per answer."""
    labels = _labels(story, paragraphs)
    if not any(labels):
        return Briefing()
    spokesperson = next((index for index, person in enumerate(story.people)
                         if SPOKESPERSON_WORDS.search(person.title)), None)
    first_label = next(i for i, label in enumerate(labels) if label)
    answerer = spokesperson
    if answerer is None:
        answerer = _named_in_headline(story, title)
    if answerer is None:
        answerer = _interviewee(story, offsets[first_label])
    speakers = _label_speakers(story, finder, paragraphs, offsets, labels, answerer)
    is_press = any(label and label.group("label") in QUESTION_LABELS for label in labels) or any(
        speaker is not None and speaker is not False for speaker in speakers)
    if not is_press:
        return Briefing()
    if spokesperson is None:
        # "Official Spokesperson, Shri X: Good afternoon": the label gives the office the name lacks.
        spokesperson = next((speaker for label, speaker in zip(labels, speakers) if label and speaker is not None
                             and speaker is not False and SPOKESPERSON_WORDS.search(label.group("label"))), None)
    briefing = _answers(story, paragraphs, offsets, labels, speakers, answerer)
    briefing.first_label = next(i for i, label in enumerate(labels) if label and i not in briefing.greetings)
    # Remarks in the speaker's own voice ("Today we had a very timely Council ...") are theirs
    # to the first question, whoever the speaker is; otherwise only a spokesperson announces.
    briefing.own_voice = any(FIRST_PERSON.search(QUOTATION.sub("", paragraphs[index]))
                             for index in range(briefing.first_label) if index not in briefing.covered)
    briefing.spokesperson = spokesperson if spokesperson is not None or not briefing.own_voice else answerer
    return briefing


def _labels(story: Story, paragraphs: Sequence[str]) -> list[re.Match | None]:
    """The label opening each paragraph, if any: "Q:", "Q.", "Spokesperson X:", "Shri X,
    Official Spokesperson:", "X (WION):"; "Algeria's Attaf said: ..." introduces a quotation
    and is no label."""
    # A label ends with a colon near the start of its paragraph: look for the regex only then.
    labels = [PRESS_LABEL.match(paragraph) if ":" in paragraph[:84] or "：" in paragraph[:84]
              or paragraph[1:3] == ". " and paragraph[:1] in "QA" else None for paragraph in paragraphs]
    if not any(labels):
        return labels
    # "Announcement: At the invitation of ...": the spokesperson's announcement, no one's label.
    return [None if label and (_ends_with_cue(story, label.group("label")) or ANNOUNCEMENT_HEADING.match(paragraph))
            else label for label, paragraph in zip(labels, paragraphs)]


# A line of dots, stars or dashes closing a transcript.
RULE_LINE = re.compile(r"^[\s.*•·_=~-]+$")
# An office by its initials before a surname in a label: "SMS Maliki", "EAM Jaishankar".
OFFICE_INITIALS = re.compile(r"^[A-Z]{2,5}\s+(?=[A-Z][a-z])")
ANNOUNCEMENT_HEADING = re.compile(r"^announcements?\s*[:：]\s*", re.IGNORECASE)
ANNOUNCEMENTS_FOLLOW = re.compile(r"\bannouncements?\b[^.;\"“]*[:：]$", re.IGNORECASE)


def announcements(story: Story, briefing: Briefing, paragraphs: Sequence[str], offsets: list[int],
                  found: Sequence[OpenStatement]) -> list[OpenStatement]:
    """A spokesperson's announcements that open the questions and answers ("At the invitation
    of ..., Foreign Minister X will visit ..."): the paragraphs right before the first question
    or answer, back to a heading, a question, someone's reported words, or the briefing's
    introduction ("Spokesperson X hosted the regular press conference")."""
    if briefing.spokesperson is None:
        return []
    attributed = {statement.paragraph for statement in found}
    # "He started with the following announcements:": every paragraph after it is one, even one
    # that reports someone's words.
    listed_after = next((index for index in range(briefing.first_label - 1, -1, -1)
                         if ANNOUNCEMENTS_FOLLOW.search(paragraphs[index].rstrip())), None)
    statements = []
    for index in range(briefing.first_label - 1, -1, -1):
        paragraph = paragraphs[index].rstrip()
        if index in briefing.covered:
            break  # the spokesperson's greeting
        heading = ANNOUNCEMENT_HEADING.match(paragraph)
        if heading:
            paragraph = paragraph[heading.end():]
        if _is_pleasantry(paragraph) or briefing.own_voice and (index in attributed or _is_heading(paragraph)):
            continue  # "With that, I am happy to take your questions."
        if index == briefing.first_label - 1 and TURNS_TO_QUESTIONS.search(paragraph):
            continue  # "The Spokesperson then took questions from journalists."
        start = offsets[index] + (heading.end() if heading else 0)
        end = start + len(paragraph)
        listed = listed_after is not None and index > listed_after
        if index in attributed and not listed or not _announces(story, paragraph, start, end, briefing.spokesperson):
            break
        statements.append(OpenStatement(briefing.spokesperson, story.people[briefing.spokesperson].title,
                                        "announced", start, end, index, "direct"))
    return statements[::-1]


SPEECH_HEADLINE = re.compile(r"\b(?:remarks|statement|speech|address|message) by\b|['’]s (?:remarks|speech|address)\b",
                             re.IGNORECASE)
# "Foreign Minister X issued the following statement today on ...:": the paragraphs below are X's.
STATEMENT_FOLLOWS = re.compile(r"\bthe following (?:statement|remarks|message)\b[^.;\"“]*[:：]$", re.IGNORECASE)


def speech_in_own_voice(story: Story, title: str, paragraphs: Sequence[str], offsets: list[int],
                        found: Sequence[OpenStatement]) -> list[OpenStatement]:
    """A speech or statement with no questions, in the voice of the person its headline names
    ("Remarks by the Minister for Foreign Affairs, Hon. X, at ...", "Statement by Prime Minister
    X on ..."): each paragraph of it is theirs, but for salutations, greetings and thanks, and
    the words of others it reports. Only when most of its paragraphs say "I", "we" or "our"; a
    release about the speech tells of the speaker in the third person. A statement may instead
    be introduced by a paragraph of its own ("X issued the following statement today:")."""
    first = 0
    if SPEECH_HEADLINE.search(title):
        # "Foreign Secretary's speech at ...": the standfirst names who speaks ("The Foreign
        # Secretary, X, spoke about ...").
        speaker = _named_in_headline(story, title)
        if speaker is None and len(offsets) > 1:
            speaker = _interviewee(story, offsets[1])
    elif (introduced := _introduced_statement(story, paragraphs, offsets)) is not None:
        first, speaker = introduced
    else:
        return []
    if speaker is None:
        return []
    # A paragraph that opens with someone else's words is theirs; one that reports them after
    # the speaker's own first sentence ("It is a pleasure ... The Prime Minister has asked me
    # to ...") is still the speaker's.
    attributed = {statement.paragraph for statement in found if offsets[statement.paragraph]
                  + _first_sentence_end(paragraphs[statement.paragraph]) > statement.start}
    spoken = [(index, offsets[index], offsets[index] + len(paragraph.rstrip()))
              for index, paragraph in enumerate(paragraphs)
              if index >= first and index not in attributed and not _is_pleasantry(paragraph.rstrip())
              and _announces(story, paragraph.rstrip(), offsets[index], offsets[index] + len(paragraph.rstrip()),
                             speaker)]
    in_first_person = sum(bool(FIRST_PERSON.search(QUOTATION.sub("", paragraphs[index]))) for index, _, _ in spoken)
    # An envoy's statement to a council speaks of "Ireland" rather than "we", but opens by
    # addressing the chair ("Thank you, President."), as no release about a speech does.
    addresses_the_chair = bool(paragraphs) and _is_pleasantry(paragraphs[0].rstrip())
    if not spoken or in_first_person * 2 < len(spoken) and not addresses_the_chair:
        return []
    person = story.people[speaker]
    return [OpenStatement(speaker, person.title, "said", start, end, index, "direct") for index, start, end in spoken]


def _introduced_statement(story: Story, paragraphs: Sequence[str],
                          offsets: list[int]) -> tuple[int, int | None] | None:
    """(the statement's first paragraph, its speaker: the first person named in the paragraph
    that introduces it), or None when no paragraph introduces one."""
    for index, paragraph in enumerate(paragraphs):
        paragraph = paragraph.rstrip()
        if "following" in paragraph and STATEMENT_FOLLOWS.search(paragraph):
            mention = bisect_left(story.mention_starts, offsets[index])
            named = mention < len(story.mentions) and story.mentions[mention].start < offsets[index] + len(paragraph)
            return index + 1, story.mentions[mention].person if named else None
    return None


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _first_sentence_end(paragraph: str) -> int:
    end = SENTENCE_BREAK.search(paragraph)
    return end.start() if end else len(paragraph)


def _is_pleasantry(text: str) -> bool:
    """Whether every sentence greets, thanks or speaks of the briefing itself: "Namaskar, good
    afternoon and welcome. I have a few announcements to make.", "Thank you all."."""
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+", text) if sentence]
    return bool(sentences) and all(PLEASANTRY.match(sentence) for sentence in sentences)


def _is_heading(paragraph: str) -> bool:
    """A heading or a list of contents: a few words without a sentence's closing stop."""
    return paragraph[-1:] not in ".!?\"”" and len(paragraph.split()) <= 12


def _announces(story: Story, paragraph: str, start: int, end: int, spokesperson: int) -> bool:
    """Whether a paragraph before the questions may be an announcement: sentences, neither a
    heading, a date line, a question nor words about the briefing or its spokesperson."""
    if len(paragraph.split()) < 8 or paragraph[-1] not in ".!\"”" or "?" in paragraph or ":" in paragraph[:52]:
        return False
    if SPOKESPERSON_WORDS.search(paragraph) or BRIEFING_WORDS.search(paragraph):
        return False
    first = bisect_left(story.mention_starts, start)
    return not any(mention.person == spokesperson
                   for mention in story.mentions[first:bisect_left(story.mention_starts, end)])


def reported_in_dialogue(story: Story, briefing: Briefing, paragraphs: Sequence[str],
                         offsets: list[int]) -> list[OpenStatement]:
    """What questions and answers report someone else to have said: "Q: Secretary Blinken said
    on Monday that ... What is your comment?" is Blinken's statement, "A: We noted that Prime
    Minister Kishida said ..." Kishida's; the answerer's own words are the answer."""
    finder = StatementFinder(story, in_dialogue=True)
    for index in sorted(briefing.covered):
        start = offsets[index] + briefing.label_ends.get(index, 0)
        count = len(finder.found)
        finder.paragraph(index, start, offsets[index] + len(paragraphs[index]))
        answerer = briefing.answerers.get(index)
        finder.found[count:] = [statement for statement in finder.found[count:] if statement.speaker != answerer]
    return finder.found


def _ends_with_cue(story: Story, label: str) -> bool:
    return any(cue.end() == len(label) + 1 for cue in story.gazetteer.cue_pattern.finditer(" " + label))


def _label_speakers(story: Story, finder: PeopleFinder, paragraphs: Sequence[str], offsets: list[int],
                    labels: list, answerer: int | None) -> list[int | None | bool]:
    """Who speaks after each label (see _label_speaker), in order: "Minister:" is whoever
    answered before with that title."""
    speakers, last_answerer = [], None
    for paragraph, start, label in zip(paragraphs, offsets, labels):
        speaker = _label_speaker(story, finder, paragraph, start, label, answerer, last_answerer) if label else None
        if speaker is not None and speaker is not False:
            last_answerer = speaker
        speakers.append(speaker)
    return speakers


def _label_speaker(story: Story, finder: PeopleFinder, paragraph: str, start: int, label: re.Match,
                   answerer: int | None, last_answerer: int | None) -> int | None | bool:
    """Who answers after a label: the spokesperson or interviewee ("A:", "Deputy Spokesman:"),
    a person the story names ("Wang Wenbin:", "MR MILLER:", "Shri X, Official Spokesperson:"),
    None for a question, False for an answer with no one to give it to."""
    name = label.group("label")
    if name in ANSWER_LABELS:
        return answerer if answerer is not None else False
    if name in QUESTION_LABELS:
        return None
    # A person the story names: "Wang Wenbin: ...", "Spokesperson Mumtaz Zahra Baloch: ...", not
    # "Minister Wong's office: 02 6277 7500".
    first = bisect_left(story.mention_starts, start)
    inside = [m for m in story.mentions[first:first + 3] if m.end <= start + label.end("label")
              and not POSSESSIVE.match(story.body, m.end)]
    if inside:
        return inside[-1].person
    if SPOKESPERSON_WORDS.search(name) and len(name.split()) <= 3:  # "Spokesman:", "Deputy Spokesman:"
        return answerer if answerer is not None else False
    # "Minister:" after "Minister for Foreign Affairs Dr Vivian Balakrishnan:", or from the first
    # answer of the Minister the headline names ("Minister X's Doorstop Interview").
    holder = last_answerer if last_answerer is not None else answerer
    if name.casefold() in story.gazetteer.title_words and holder is not None \
            and name.casefold() in story.people[holder].title.casefold().split():
        return holder
    journalist = JOURNALIST_LABEL.fullmatch(name)
    journalist_name = journalist and (journalist.group("name") or journalist.group("asker"))
    if journalist_name and not any(word in story.gazetteer.non_name_words for word in journalist_name.split()):
        finder.add(journalist_name, "", None)  # "Sidhant Sibal (WION): Sir, ...?"
        return None
    person = finder.by_name.get(person_key(name))
    if person is None:
        person = finder.resolve_partial(name)
    if person is None and (initials := OFFICE_INITIALS.match(name)):
        person = finder.resolve_partial(name[initials.end():])  # "SMS Maliki:", "EAM Jaishankar:"
    if person is None and name.isupper() and HONORIFIC_LABEL.match(name):
        person = _briefer(story, finder, HONORIFIC_LABEL.sub("", name).title())
    elif person is None and name.isupper() and not paragraph.rstrip().endswith("?"):
        person = _label_in_capitals(story, finder, name)
    # A bare name that answers rather than asks ("Dawn News: ...?" is an outlet's question).
    if person is None and answerer is None and len(name.split()) in (2, 3) \
            and NAME_RUN.fullmatch(name) and not paragraph.rstrip().endswith("?") \
            and not any(word in story.gazetteer.non_name_words for word in name.split()):
        person = finder.add(name, "Spokesperson", None)
    return person


def _answers(story: Story, paragraphs: Sequence[str], offsets: list[int], labels: list,
             speakers: list, answerer: int | None) -> Briefing:
    """One statement per labelled answer, running on over the unlabelled paragraphs after it;
    where no answer is labelled ("Q. ...?" then the answer), the paragraphs after a question
    are the answerer's. A greeting or a word of thanks is no answer."""
    briefing = Briefing()
    unlabelled_answers = answerer is not None and all(speaker is None or speaker is False for speaker in speakers)
    current: OpenStatement | None = None
    asked = False
    for index, (paragraph, label) in enumerate(zip(paragraphs, labels)):
        if label:
            briefing.covered.add(index)
            briefing.label_ends[index] = label.end()
            speaker = speakers[index]
            current, asked = None, speaker is None
            if speaker is not None and speaker is not False:
                if _is_pleasantry(paragraph[label.end():].rstrip()):
                    briefing.greetings.add(index)
                    continue
                current = OpenStatement(speaker, story.people[speaker].title, "said", offsets[index] + label.end(),
                                        offsets[index] + len(paragraph.rstrip()), index, "direct")
                briefing.answers.append(current)
                briefing.answerers[index] = speaker
        elif current is not None and not RULE_LINE.match(paragraph):
            briefing.covered.add(index)
            briefing.answerers[index] = current.speaker
            current.end = offsets[index] + len(paragraph.rstrip())
        elif current is not None:
            current = None  # ". . . . .": the transcript ends; what follows is the page's sign-off
        elif asked and unlabelled_answers:
            briefing.covered.add(index)
            briefing.answerers[index] = answerer
            current = OpenStatement(answerer, story.people[answerer].title, "said", offsets[index],
                                    offsets[index] + len(paragraph.rstrip()), index, "direct")
            briefing.answers.append(current)
    return briefing


def _label_in_capitals(story: Story, finder: PeopleFinder, label: str) -> int | None:
    """The speaker of a label in capitals, as Australian and other transcripts print it:
    "FOREIGN MINISTER PENNY WONG:" (the name after the title), then "WONG:"."""
    words = label.title().split()
    title = []
    while words and (words[0].casefold() in story.gazetteer.title_words
                     or words[0].casefold() in LOWER_TITLE_QUALIFIERS):
        title.append(words.pop(0))
    name = " ".join(words)
    if not name or any(word in story.gazetteer.non_name_words for word in words):
        return None
    person = finder.by_name.get(person_key(name))
    if person is None:
        person = finder.resolve_partial(name)
    if person is None and len(words) in (2, 3):
        person = finder.add(name, " ".join(title), None)
    return person


def _briefer(story: Story, finder: PeopleFinder, surname: str) -> int | None:
    """"MR MILLER: ..." answers: the spokesperson the header names in full ("Matthew Miller,
    Department Spokesperson"), or whoever of that surname the story names."""
    person = finder.resolve_partial(surname)
    if person is None:
        full_name = re.search(rf"\b(?:[{UPPER}][{LOWER}]+[ ]+){{1,3}}{re.escape(surname)}\b", story.body)
        if full_name:
            person = finder.add(full_name.group(), "Spokesperson", None)
    return person


def _named_in_headline(story: Story, title: str) -> int | None:
    """The one person the headline names, whose remarks or interview the story gives: "Press
    remarks by High Representative X", "Interview of Ambassador X with The Hindu"."""
    title = person_key(title)  # folded as the names' words are: "Keçeli" is "keceli"
    named = [index for index, person in enumerate(story.people) if person.tokens and person.tokens[-1] in title]
    if len(named) > 1 and (by := re.search(r"\b(?:remarks|statement|speech|interview|address|briefing) by\b", title)):
        # "Press remarks by High Representative X at the joint press conference with Minister Y": X's.
        after = {index: title.find(story.people[index].tokens[-1], by.end()) for index in named}
        named = sorted((position, index) for index, position in after.items() if position != -1)[:1]
        named = [index for _, index in named]
    return named[0] if len(named) == 1 else None


def _interviewee(story: Story, questions_start: int) -> int | None:
    """Who answers an interview's questions: the person the introduction says speaks ("Kenya's
    High Commissioner, X, spoke about trade ... Edited excerpts:"), else the only person it names."""
    intro = story.mentions[:bisect_left(story.mention_starts, questions_start)]
    for mention in intro:
        if story.gazetteer.speaks.match(story.body, mention.end, mention.end + 40):
            return mention.person
    named = {mention.person for mention in intro}
    return named.pop() if len(named) == 1 else None
