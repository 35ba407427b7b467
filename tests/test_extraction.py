"""The extraction engine on the seed story and on short stories built for one rule each."""

from pathlib import Path

import pytest

from articles.extraction import Gazetteer, PersonEntry, extract

DATA = Path(__file__).parent / "data" / "extraction"
SEED = DATA / "000_0e8f66fb4d9f0923.txt"


def read_story(path):
    """Story file: optional "Home > ..." line, title, date, paragraphs, optional footer."""
    blocks = [block.strip() for block in Path(path).read_text(encoding="utf-8").split("\n\n") if block.strip()]
    head = [line for line in blocks[0].split("\n") if not line.startswith("Home")]
    title, rest = head[0], head[1:] + blocks[1:]
    paragraphs = [block for block in rest if not block.startswith("<Suggest")]
    if paragraphs and paragraphs[0][:4].isdigit():  # the date line
        paragraphs = paragraphs[1:]
    return title, paragraphs


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


@pytest.fixture(scope="module")
def seed(gazetteer):
    title, paragraphs = read_story(SEED)
    return extract(title, paragraphs, gazetteer), "\n\n".join(paragraphs)


def statements_of(extraction):
    return [(statement.speaker, statement.cue) for statement in extraction.statements]


def test_seed_people_have_names_titles_and_countries(seed):
    extraction, _ = seed
    people = {(p.name, p.title, p.country, p.known_key) for p in extraction.people}
    assert people == {
        ("Arif Alvi", "Pakistani President", "PK", None),
        ("Qin Gang", "Chinese State Councilor and Foreign Minister", "CN", None),
        ("Xi Jinping", "President", "CN", None),
    }


def test_seed_countries_include_demonyms(seed):
    extraction, _ = seed
    assert extraction.countries == ("PK", "CN", "SD", "AF")


def test_seed_has_seven_statements_with_speakers_and_cues(seed):
    extraction, _ = seed
    assert statements_of(extraction) == [
        ("Arif Alvi", "asked"), ("Arif Alvi", "said"), ("Qin Gang", "conveyed"), ("Qin Gang", "said"),
        ("Qin Gang", "pointed out"), ("Qin Gang", "noted"), ("Qin Gang", "said"),
    ]


def test_seed_statement_texts_audience_and_relayed_greetings(seed):
    asked, alvi_said, conveyed, qin_said, pointed_out, noted, last = seed[0].statements
    assert asked.audience == "Qin Gang"
    assert alvi_said.text.startswith("the Pakistan-China friendship is rooted")
    # The following sentences of the paragraph continue Alvi's reported speech.
    assert alvi_said.text.endswith("promote peace and reconstruction in Afghanistan.")
    assert alvi_said.countries == ("PK", "CN", "SD", "AF")
    assert (conveyed.audience, conveyed.on_behalf_of) == ("Arif Alvi", "Xi Jinping")
    assert qin_said.text.startswith("China and Pakistan are all-weather")
    assert pointed_out.text.startswith("China is ready to work with Pakistan to advance")
    assert noted.text == "the two sides should strengthen people-to-people and cultural exchanges"
    assert last.text.startswith("more excellent students of Pakistan")
    assert [s.paragraph for s in seed[0].statements] == [1, 1, 2, 2, 3, 3, 3]


def test_every_statement_span_is_its_text_in_the_body(gazetteer):
    for path in sorted(DATA.glob("*.txt")):
        title, paragraphs = read_story(path)
        body = "\n\n".join(paragraphs)
        for statement in extract(title, paragraphs, gazetteer).statements:
            assert body[statement.start:statement.end] == statement.text, path.name


def test_he_resolves_to_the_last_speaker_not_the_last_name(gazetteer):
    extraction = extract("", [
        "Foreign Minister Wang Yi met with Egyptian Foreign Minister Sameh Shoukry.",
        "Shoukry thanked Wang Yi for the invitation. He said Egypt values the partnership.",
    ], gazetteer)
    assert statements_of(extraction) == [("Sameh Shoukry", "thanked"), ("Sameh Shoukry", "said")]
    assert extraction.statements[0].audience == "Wang Yi"


def test_surname_and_title_with_surname_resolve_to_the_person_named(gazetteer):
    extraction = extract("", [
        "Premier Li Qiang met with Singaporean Prime Minister Lee Hsien Loong.",
        "Premier Li said China is ready to deepen cooperation. Lee said Singapore agrees.",
    ], gazetteer)
    assert [p.name for p in extraction.people] == ["Li Qiang", "Lee Hsien Loong"]
    assert statements_of(extraction) == [("Li Qiang", "said"), ("Lee Hsien Loong", "said")]


def test_known_person_resolves_through_an_alias():
    gazetteer = Gazetteer(Gazetteer.default().country_entries, [PersonEntry(7, "Wang Yi", aliases=("Wang Yi (diplomat)",))])
    extraction = extract("", ["Wang Yi said that China supports dialogue."], gazetteer)
    assert extraction.people[0].known_key == 7


def test_known_person_is_not_flagged_and_keeps_the_gazetteer_name():
    gazetteer = Gazetteer(Gazetteer.default().country_entries,
                          [PersonEntry(3, "Sergey Lavrov", aliases=("Sergei Lavrov",), country="RU")])
    extraction = extract("", ["Sergei Lavrov said Moscow welcomes the talks."], gazetteer)
    assert [(p.name, p.country, p.known_key) for p in extraction.people] == [("Sergey Lavrov", "RU", 3)]
    assert extraction.statements[0].speaker == "Sergey Lavrov"


def test_new_person_name_loses_its_title(gazetteer):
    extraction = extract("", ["Pakistani Prime Minister Shehbaz Sharif said the corridor matters."], gazetteer)
    person = extraction.people[0]
    assert (person.name, person.title, person.country, person.known_key) == (
        "Shehbaz Sharif", "Pakistani Prime Minister", "PK", None)


def test_demonyms_and_adjectives_give_countries(gazetteer):
    extraction = extract("", [
        "The Iranian delegation, Saudi officials, the Afghan issue and South Korean firms were discussed "
        "alongside the China-Pakistan Economic Corridor and the U.S. position."], gazetteer)
    assert set(extraction.countries) == {"IR", "SA", "AF", "KR", "CN", "PK", "US"}


def test_regions_and_organisations_are_neither_countries_nor_people(gazetteer):
    extraction = extract("", [
        "The United Nations, the African Union, the Belt and Road Initiative, the Global Development "
        "Initiative and the South China Sea were mentioned in Latin America and the Indo-Pacific."], gazetteer)
    assert extraction.countries == ()
    assert extraction.people == ()


def test_country_inside_a_persons_name_is_not_a_country(gazetteer):
    extraction = extract("", ["Ambassador Jordan Henderson said the talks went well."], gazetteer)
    assert [p.name for p in extraction.people] == ["Jordan Henderson"]
    assert extraction.countries == ()


def test_both_sides_agreed_is_no_ones_statement(gazetteer):
    extraction = extract("", [
        "Wang Yi held talks with Russian Foreign Minister Sergey Lavrov.",
        "Both sides agreed to strengthen coordination. The two sides also agreed to meet again."], gazetteer)
    assert extraction.statements == ()


def test_press_conference_question_and_answer(gazetteer):
    extraction = extract("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on May 5, 2023", [
        "Q: The US said it would impose new tariffs. What is China's response?",
        "A: China firmly opposes this. We will take necessary measures.",
        "Q: Any update on the visit of the German Chancellor?",
        "A: We will release information in due course.",
    ], gazetteer)
    assert [(s.speaker, s.kind) for s in extraction.statements] == [("Mao Ning", "direct")] * 2
    assert extraction.statements[0].text == "China firmly opposes this. We will take necessary measures."
    assert extraction.people[0].title == "Foreign Ministry Spokesperson"


def test_press_conference_outlets_and_named_spokesperson(gazetteer):
    extraction = extract("Regular Press Conference", [
        "Foreign Ministry Spokesperson Wang Wenbin answered questions.",
        "Reuters: Will China attend the summit?",
        "Wang Wenbin: China will send a delegation.",
        "The delegation will be led by a vice minister.",
        "AFP: Any comment on the election?",
        "Wang Wenbin: We do not comment on internal affairs.",
    ], gazetteer)
    texts = [s.text for s in extraction.statements]
    assert texts == ["China will send a delegation.\n\nThe delegation will be led by a vice minister.",
                     "We do not comment on internal affairs."]


def test_direct_indirect_and_mixed_quotes(gazetteer):
    extraction = extract("", [
        "Ambassador Zhou Pingjian met Kenyan officials.",
        "\"Kenya is a good friend of China,\" Zhou said.",
        "Zhou said Kenya wants to \"learn from China's experience in special zones\" this year.",
        "Zhou said the \"ironclad\" friendship will grow.",
    ], gazetteer)
    assert [s.kind for s in extraction.statements] == ["direct", "mixed", "indirect"]
    assert extraction.statements[0].text == "\"Kenya is a good friend of China,\""


def test_trailing_attribution_and_second_speaker_in_one_sentence(gazetteer):
    extraction = extract("", [
        "Foreign Minister Wang Yi met Uzbek Foreign Minister Bakhtiyor Saidov and Turkmen Foreign Minister Rashid Meredov.",
        "The priority is to stop the fighting, Wang said.",
        "Meredov noted that gas supplies will rise, and Saidov said that the railway will be built.",
    ], gazetteer)
    assert [(s.speaker, s.text) for s in extraction.statements] == [
        ("Wang Yi", "The priority is to stop the fighting"),
        ("Rashid Meredov", "gas supplies will rise"),
        ("Bakhtiyor Saidov", "the railway will be built."),
    ]


def test_honorific_and_particles_in_names(gazetteer):
    extraction = extract("", [
        "Saudi Foreign Minister Prince Faisal bin Farhan Al Saud met Dr. Tedros Adhanom Ghebreyesus "
        "and European Commission President Ursula von der Leyen.",
        "Von der Leyen said the meeting was useful.",
    ], gazetteer)
    assert [p.name for p in extraction.people] == [
        "Faisal bin Farhan Al Saud", "Tedros Adhanom Ghebreyesus", "Ursula von der Leyen"]
    assert extraction.statements[0].speaker == "Ursula von der Leyen"
