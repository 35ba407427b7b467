"""Matching rules of the evaluation, and the extraction's scores on the labelled set."""

import json
from pathlib import Path

from articles.evaluation import (
    Score, evaluate, person_key, statement_matches, statement_text_key)
from articles.extraction import Gazetteer

MANIFEST = Path(__file__).parent / "data" / "extraction" / "manifest.json"
TARGETS = {"people": 0.95, "countries": 0.97, "statements": 0.90}
# Stories written blind by someone else, never tuned on one by one: the rules must carry over.
# The extraction reaches 1.00 on each; the floors leave room for a miss or two, not a regression.
HOLDOUT_MANIFEST = Path(__file__).parent / "data" / "extraction_holdout" / "manifest.json"
HOLDOUT_FLOORS = {"people": 0.95, "countries": 0.97, "statements": 0.95}
# Written blind after the rules of the holdout round; the rules were then generalised from the
# kinds of mistake made on it (never from its names). The extraction reaches 0.99 people and
# 1.00 countries and statements; the floors leave room for a miss or two.
BLIND_MANIFEST = Path(__file__).parent / "data" / "extraction_blind" / "manifest.json"
BLIND_FLOORS = {"people": 0.96, "countries": 0.98, "statements": 0.96}


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


def test_held_out_set_stays_above_its_floors():
    report = evaluate(HOLDOUT_MANIFEST, Gazetteer.default())
    assert report.stories == 20
    scores = {"people": report.people, "countries": report.countries, "statements": report.statements}
    below = {name: round(score.f1, 3) for name, score in scores.items() if score.f1 < HOLDOUT_FLOORS[name]}
    assert not below, "\n" + report.format()


def test_blind_set_stays_above_its_floors():
    report = evaluate(BLIND_MANIFEST, Gazetteer.default())
    assert report.stories == 20
    scores = {"people": report.people, "countries": report.countries, "statements": report.statements}
    below = {name: round(score.f1, 3) for name, score in scores.items() if score.f1 < BLIND_FLOORS[name]}
    assert not below, "\n" + report.format()
