"""Matching rules of the evaluation, and the extraction's scores on the labelled set."""

import json
from pathlib import Path

import pytest

from articles.evaluation import (
    Score, evaluate, person_key, statement_matches, statement_text_key)
from articles.extraction import Gazetteer

DATA = Path(__file__).parent / "data"
MANIFEST = DATA / "extraction" / "manifest.json"
TARGETS = {"people": 0.95, "countries": 0.97, "statements": 0.90}
# Five more sets, each written blind by someone who never saw the rules, and scored before any
# rule was changed: holdout (people F1 0.73, statements 0.68), blind (0.86, 0.83), final
# (0.94, 0.96), fresh (0.84, 0.76; styles such as "H.E." and "EAM", ministries' briefing
# formats) and unseen_tuned (0.89, 0.82; once called "unseen", renamed since the rules have
# been tuned on it). The rules were generalised from the kinds of mistake (never from names);
# the floors catch a regression on any of them. holdout2 (0.93, 0.92) has not been tuned on:
# it stays the honest estimate for copy the rules have never seen (0.95, 0.95 since the rules
# for pasted ministry and embassy pages, 0.98, 0.97 since the second round, none of which was
# written from it).
# extraction_realpages_dev: 36 pages in the layouts of ministries' and embassies' sites
# (briefings with greetings and announcements, interviews, credentials, receptions, joint
# statements), scored before the second round of rules for such pages at people 0.84,
# statements 0.80; that round was tuned on it, so it is a development set, not an estimate.
# extraction_realpages_tuned: 46 real-layout pages (38 pasted, 6 saved web pages, 2 in other
# languages), written blind as "extraction_realpages_blind": with the rules before either
# round, 35 of 46 were refused by the importer, and on the stories as read now they scored
# people 0.82, countries 0.99, statements 0.76; after the first round 0.91, 0.99, 0.86; after
# the second 0.94, 0.99, 0.91. A third round was then tuned on its misses (invitations to
# people with a courtesy, "as X said at ..., ", one person written two ways, courtesies
# such as Miss and Prof.): 0.96, 0.99, 0.94. So it is renamed, and no longer an estimate.
# extraction_realpages_tuned2: 34 more real-layout pages (28 pasted, 4 saved web pages, 2 in
# Spanish and Chinese), written blind as "extraction_realpages_blind2" and scored before
# anything was changed for it: 3 of 34 refused by the importer, 25 titles and 31 dates right,
# people 0.88, countries 0.94, statements 0.88 (the same with the rules before the third round
# of extraction rules, which had been tuned on extraction_realpages_tuned). The headline and
# date rules for pages that print labels between the two, bylines between bars and a "Source:"
# address line were then written from its misses: all 34 read right, 0.92, 0.99, 0.93; and
# those for briefings by an "Official Representative": 0.92, 0.99, 0.95.
# extraction_realpages_tuned3: 36 more real-layout pages (30 pasted, 4 saved web pages, 2 in
# French and Russian), written blind as "extraction_realpages_blind3". Scored before it was
# read, with the rules as they stood before the two tuned sets above were read: 4 refused,
# 25 titles and 32 dates right, people 0.83, countries 0.92, statements 0.82; with the rules
# written from them: 3 refused, 30 titles and 33 dates right, 0.85, 0.93, 0.85. The rules
# for times after a bar or with a dot, site menus, closing rules of stars, dates in headlines
# and breadcrumbs in other languages were then written from it: all 36 read right, 0.90,
# 0.98, 0.87; then Khmer styles, Irish titles and letters after names: 0.92, 0.98, 0.90;
# then remarks "by" one of two people a headline names: 0.92, 0.98, 0.92.
# extraction_realpages_tuned4: 44 more real-layout pages (38 pasted, 4 saved web pages, 2 in
# Portuguese and Arabic), written blind as "extraction_realpages_blind4" after the three rounds
# above. With the rules before those rounds: 3 of 44 refused, 32 titles and
# 41 dates right, people 0.89, countries 0.97, statements 0.89; after them: 1 refused, 37
# titles and 43 dates right, 0.92, 0.99, 0.92. A round was then tuned on its misses (release
# labels and bylines between bars above the headline, breadcrumbs without "Home", communiqués
# dated above their signatures, lists of headings, courtesies such as Ato, Ratu and U, Turkic
# patronymics, "said recently that", titles given once or joined by a slash, "the Prime
# Minister" as the one who has spoken): all 44 read right, 0.97, 1.00, 0.98. So it is
# renamed, and no longer an estimate.
# extraction_realpages_blind5: 45 real-layout pages (briefings, credentials, farewells,
# consulates, calls, interviews, condolences, joint statements, cultural events; a date form of
# its own in each), written blind by someone who never read the rules, and never tuned on: the
# estimate for real pages. Before the tuned4 round: 4 refused, 40 titles and 41 dates right,
# 0.82, 0.93, 0.80; after it: 4 refused, 41 titles and 41 dates right, 0.84, 0.93, 0.84;
# after the tuned6 round: 2 refused, 43 titles and 43 dates right, 0.85, 0.95, 0.87; after the
# tuned7 rounds: first unchanged, then 2 refused, 43 titles and 43 dates right, 0.87, 0.96, 0.89;
# after the tuned8 round: 1 refused, 44 titles and 44 dates right, 0.88, 0.96, 0.89; after the tuned9
# round: the same, with people at P 0.92, R 0.85; after the tuned10 round: 0.88, 0.96, 0.90; after the tuned11
# round: none refused, all 45 titles and dates right, 0.90, 0.98, 0.90; the same after the tuned12 round.
# extraction_realpages_tuned6: 37 real-layout pages (34 pasted, 3 saved web pages), written for
# tuning, so named tuned from the start: ministries, embassies, consulates and presidencies of
# many countries, with dates in many forms and places
# (weekdays, "Posted on", "Publication date", ordinals such as "7th of March 2024", dotted and
# slashed numbers either way round, wire datelines opening the story, dates below the story or
# only in the source address, a published and an updated date) and names with styles and
# particles. Scored before any rule was changed for it: 4 refused, 31 titles and 33 dates
# right, people 0.90, countries 0.94, statements 0.90. The rules for wire datelines ("BEIJING,
# March 5 (Xinhua) --"), closing date lines with a full stop, trails without "Home" under a
# site's name, "PRESS RELEASE" above an undated headline, a source's name above one, a saved
# page's date line above its headline, "T.D." with stops, "Announcement:" and "US$" were then
# written from its misses: all 37 read right, 0.96, 0.99, 0.94. A second round from its
# remaining misses (a word joined by "and" that closes an office's portfolio, "between" joining
# people only at a meeting, an office set off before a rank naming the person later, offices
# joined by "and" as one reference, "His Highness" after "His Royal Highness", "the diplomat",
# "encouraged", a headline's verb after a surname the story names): 0.97, 0.99, 0.99. The
# tuned7 round's rules below mended a style kept in a name ("Sultan Ibrahim") and letters after
# a name ("M.A."): 1.00, 0.99, 1.00. Left: "Gaza Strip", which this set counts as PS and
# extraction_final and extraction_holdout2 do not.
# extraction_realpages_tuned7: 34 real-layout pages (pasted) written for tuning, so named tuned from the
# start: briefings, credentials, farewells, consulates, calls, interviews and royal visits on sites of
# about thirty countries, with names with initials ("Yusuff Ali M.A.", "K Shanmugam"), particles and
# styles, awards and places named after people. Scored before any rule was changed for it: 2 refused,
# 30 titles and 32 dates right, people 0.88, countries 0.95, statements 0.84. The rules for an agency's
# dateline closed by a hyphen, site menus from "Home" in other languages, release labels with initials
# or in the plural, "His Majesty Sultan" and one name, initials after a name or without a full stop, and
# words after "the" closing what is set off after a speaker were then written from its misses: all 34
# read right, 0.92, 0.99, 0.87. A second round from its remaining misses (a portfolio closing a title,
# styles such as "Tan Sri" and "Yang Berhormat", ranks by their initials, "ibni" in a ruler's name,
# particles at a name's end, places, offices and companies taken for people, official country names,
# ", who said" after a name and its office, a spokesperson relaying a minister by title, "the
# President" introduced earlier, "the following announcements:"): 0.99, 1.00, 0.99.
# extraction_realpages_tuned8: 32 real-layout pages (pasted) written for tuning: the Gulf and North Africa
# ("bin", "Ould", "Al" names), sub-Saharan Africa, Central Asia, the Pacific, the Caribbean, Latin America
# in English and Nordic and Baltic ministries; readouts of calls, joint communiqués with numbered points,
# answers to a question, interviews, speeches opening with "Excellencies," and releases with contact and
# signature lines. Scored before any rule was changed for it: 1 refused (a Hijri date before the
# Gregorian one), 28 titles and 31 dates right, people 0.96, countries 0.97, statements 0.83; after a
# contact line's label before a telephone number was no longer taken for a name: 0.97, 0.97, 0.83.
# A round from its misses (a Hijri date before the Gregorian one, a headline below a release label
# and its date, remarks in the first person given to the headline's speaker, "the Head of State",
# "took the opportunity to express") reads all 32 right, with people 0.98, countries 1.00, statements 0.89.
# extraction_realpages_tuned9: 33 real-layout pages (pasted) written for tuning, aimed at people named in
# many ways: delegation lists, "accompanied by", "in the presence of", names met once or only in the headline,
# offices before names with and without commas, Chinese, Korean, Japanese, Vietnamese, Arabic, African, South
# Asian, Latin American and Slavic names, "Madam" and "Mama", people referred to later by surname, title or
# pronoun. Scored before any rule was changed for it: none refused, 33 titles and 33 dates right, people 0.97
# (P 0.98, R 0.97), countries 0.99, statements 0.97. A round from its misses (a title in the plural before
# names, an office's initials in brackets before the comma, "Plenipotentiary", "M'beou", the courtesy "Mama",
# a surname transliterated another way in the headline ("Djuric", "Đurić"), an office in lower case with the
# body it heads, a title opening a sentence speaking after ", and", "called on X to discuss" as a visit,
# "Congo" alone in a story naming only the DRC in full): people 1.00, countries 0.99, statements 0.99.
# extraction_realpages_tuned10: 38 real-layout pages (pasted) written for tuning, to tests/data/LABELLING.md, by
# someone who never read the rules: meetings, calls, farewells, credentials, briefings with questions, a
# doorstop, an interview, a speech, a joint declaration, condolences and consular notices from every region,
# with names carrying styles, particles and initials. Scored before any rule was changed for it: 1 refused, 35
# titles and 37 dates right, people 0.96, countries 0.99, statements 0.82 (recall 0.75). A round from its misses
# (a year for a wire dateline from the source line, release labels under a breadcrumb, date lines under a
# standfirst, speeches given to who the standfirst says spoke, "he told me", quotations in single marks, answer
# labels with an office's initials, "noting that A, said that B", particles and titles before surnames):
# all 38 right, 0.99, 1.00, 0.96.
# extraction_realpages_tuned11: 34 real-layout pages (pasted) written for tuning, to the guide, by someone who never
# read the rules, aimed at what surrounds a headline: site names, section labels, breadcrumbs, kickers, release
# numbers, photo credits, reading times, view counters; headlines in capitals, long and wrapped, with colons or
# quotations; standfirsts, bylines, tags; dates in many forms before, under or after the headline. Scored before
# any rule was changed for it (after the tuned10 round): 3 refused, 22 titles and 29 dates right, people 0.90,
# countries 0.96, statements 0.89. A round from its misses (bylines and counters as furniture, "Posted by" as a
# source, a headline with a full stop under a release label, the headline as the last header line above the
# first paragraph, wrapped headlines joined, a place with its date in brackets as a dateline, "Last updated" at
# the foot never the publication date, an issuer's signature above the closing date, "X issued the following
# statement:"): all 34 right, 0.98, 1.00, 0.98.
# extraction_realpages_tuned12: 28 real-layout pages (pasted) written for tuning, to the guide, by someone who never
# read the rules: the everyday kinds of page of blind6's brief, from every region. Scored before any rule was
# changed for it (after the tuned11 round): none refused, 27 titles and 27 dates right, people 0.95, countries
# 0.99, statements 0.88. A round from its misses ("Last updated" giving way to a later date line, a site menu
# taken as a breadcrumb, "the Prime Minister" never a Deputy Prime Minister while the office is held, "He added"
# after a relative clause going to the main subject, a quotation run over two paragraphs, "invited X to" an event
# as a courtesy, "Authority" closing an organisation's name): all 28 right, 0.97, 0.99, 0.94.
# extraction_realpages_blind6: 42 real-layout pages (meetings, calls, briefings and a doorstop with questions,
# a communique, state visits, credentials, farewells, speeches at the UN, an interview, congratulations and
# condolences, a consular notice, trade and cultural events, crisis statements) from every region, written
# blind to tests/data/LABELLING.md by someone who never read the rules, and never read but for its scores:
# the estimate for real pages alongside blind5. First scored after the tuned9 round: 3 refused, 23 titles
# and 39 dates right, people 0.90 (P 0.95, R 0.86), countries 0.95, statements 0.79 (P 0.91, R 0.69); after
# the tuned10 round: 24 titles right, 0.90, 0.95, 0.78; after the tuned11 round: 2 refused, 25 titles and 40 dates
# right, 0.91, 0.96, 0.81; after the tuned12 round: 0.91, 0.96, 0.82.
LATER_SETS = {
    "extraction_holdout": {"people": 0.95, "countries": 0.97, "statements": 0.95},
    "extraction_blind": {"people": 0.96, "countries": 0.98, "statements": 0.96},
    "extraction_final": {"people": 0.98, "countries": 0.96, "statements": 0.97},
    "extraction_fresh": {"people": 0.99, "countries": 0.98, "statements": 0.98},
    "extraction_unseen_tuned": {"people": 0.99, "countries": 0.98, "statements": 0.98},
    "extraction_holdout2": {"people": 0.97, "countries": 0.98, "statements": 0.97},
    "extraction_realpages_dev": {"people": 0.99, "countries": 0.99, "statements": 0.98},
    "extraction_realpages_tuned": {"people": 0.99, "countries": 0.98, "statements": 0.95},
    "extraction_realpages_tuned2": {"people": 0.98, "countries": 0.98, "statements": 0.95},
    "extraction_realpages_tuned3": {"people": 0.98, "countries": 0.98, "statements": 0.93},
    "extraction_realpages_tuned4": {"people": 0.97, "countries": 0.99, "statements": 0.97},
    "extraction_realpages_tuned6": {"people": 0.96, "countries": 0.98, "statements": 0.98},
    "extraction_realpages_tuned7": {"people": 0.98, "countries": 0.99, "statements": 0.98},
    "extraction_realpages_tuned8": {"people": 0.97, "countries": 0.99, "statements": 0.88},
    "extraction_realpages_tuned9": {"people": 0.98, "countries": 0.98, "statements": 0.97},
    "extraction_realpages_tuned10": {"people": 0.98, "countries": 0.99, "statements": 0.95},
    "extraction_realpages_tuned11": {"people": 0.97, "countries": 0.99, "statements": 0.97},
    "extraction_realpages_tuned12": {"people": 0.96, "countries": 0.99, "statements": 0.93},
    "extraction_realpages_blind5": {"people": 0.87, "countries": 0.95, "statements": 0.88},
    "extraction_realpages_blind6": {"people": 0.89, "countries": 0.95, "statements": 0.78},
}


@pytest.mark.parametrize("name, stories", [
    ("extraction_realpages_tuned", 46), ("extraction_realpages_tuned2", 34), ("extraction_realpages_tuned3", 36),
    ("extraction_realpages_tuned4", 44), ("extraction_realpages_tuned6", 37), ("extraction_realpages_tuned7", 34),
    ("extraction_realpages_tuned8", 32), ("extraction_realpages_tuned9", 33),
    ("extraction_realpages_tuned10", 38), ("extraction_realpages_tuned11", 34),
    ("extraction_realpages_tuned12", 28),
])
def test_every_real_page_of_the_tuned_sets_imports_with_its_title_date_and_language(name, stories):
    report = evaluate(DATA / name / "manifest.json", Gazetteer.default())

    assert report.refused == []
    assert (report.titles.right, report.dates.right, report.languages.right) == (stories, stories, stories)


def test_person_names_match_ignoring_case_and_honorifics():
    assert person_key("Dr. Tedros Adhanom Ghebreyesus") == person_key("tedros adhanom ghebreyesus")
    assert person_key("H.E. Arif  Alvi") == person_key("Arif Alvi")
    assert person_key("Mr Wang Yi") == person_key("Mrs. Wang Yi") == "wang yi"
    assert person_key("Wang Yi") != person_key("Wang Yang")


def test_statement_text_ignores_case_whitespace_and_quote_style():
    assert statement_text_key("“We are  READY,” he said") == statement_text_key('"we are ready," he said')
    assert statement_text_key("China’s role") == statement_text_key("China's role")


def test_statement_matches_on_speaker_and_beginning_of_text():
    text = "\u201cKenya is a good friend of China,\u201d Zhou said."
    assert statement_matches("Zhou Pingjian", text, "zhou pingjian", '"Kenya is a good')
    assert not statement_matches("Moses Kuria", text, "Zhou Pingjian", "Kenya is a good")
    assert not statement_matches("Zhou Pingjian", text, "Zhou Pingjian", "China is")


def test_score_is_micro_averaged_and_defined_when_empty():
    score = Score()
    assert (score.precision, score.recall) == (1.0, 1.0)
    score.add(matched=8, spurious=2, missed=0)
    score.add(matched=1, spurious=0, missed=3)
    assert (round(score.precision, 2), round(score.recall, 2), round(score.f1, 2)) == (0.82, 0.75, 0.78)


def test_report_lists_misses_per_file(tmp_path):
    (tmp_path / "story.txt").write_text(
        "Home > News\nWang Yi Meets Guest\n\n2023-01-01 10:00\n\n"
        "Foreign Minister Wang Yi said that China supports Pakistan.\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps([{
        "file": "story.txt", "persons": [{"name": "Wang Yi"}, {"name": "Ishaq Dar"}],
        "countries": ["CN"], "statements": [{"speaker": "Wang Yi", "starts_with": "China supports"}]}]))
    report = evaluate(tmp_path / "manifest.json", Gazetteer.default())
    assert report.people.recall == 0.5
    assert report.countries.precision == 0.5
    assert report.statements.f1 == 1.0
    text = report.format()
    assert "people     P 1.00 R 0.50 F1 0.67" in text
    assert "story.txt:\n  missed   person Ishaq Dar\n  spurious country PK" in text


def test_labelled_set_meets_the_targets():
    report = evaluate(MANIFEST, Gazetteer.default())
    assert report.stories >= 25
    scores = {"people": report.people, "countries": report.countries, "statements": report.statements}
    below = {name: round(score.f1, 3) for name, score in scores.items() if score.f1 < TARGETS[name]}
    assert not below, "\n" + report.format()


@pytest.mark.parametrize("name, floors", LATER_SETS.items(), ids=list(LATER_SETS))
def test_later_sets_stay_above_their_floors(name, floors):
    report = evaluate(DATA / name / "manifest.json", Gazetteer.default())
    assert report.stories >= 20
    scores = {"people": report.people, "countries": report.countries, "statements": report.statements}
    below = {category: round(score.f1, 3) for category, score in scores.items() if score.f1 < floors[category]}
    # A blind set's misses are never shown, even when it falls below its floor.
    assert not below, "\n" + report.format(misses="blind" not in name)
