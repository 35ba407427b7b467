"""Tests for articles.language: English stories stay English, others are told apart."""

import pytest

from articles.language import detect_language
from articles.storyfile import parse_story

from .test_storyfile import SEED_STORY


def test_the_seed_story_is_english():
    story = parse_story(SEED_STORY)

    assert detect_language(f"{story.title}\n{story.body}") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi Meets Josep Borrell",  # names alone say nothing of the language
        "Qin Gang met Bilawal Bhutto Zardari.",
        "Title\nText.",
        "",
        "2023-05-06 15:34",
        "Both sides held talks.\n\nWang Yi said that dialogue matters.",
    ],
)
def test_short_or_name_heavy_english_is_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "驻新加坡大使出席中新青年创新营开营仪式\n7月10日，驻新加坡大使出席在新加坡科学馆举行的中新青年创新营开营仪式。"
               "来自重庆、苏州和新加坡的约120名学生参加活动。大使在致辞中表示，青年是中新关系的未来。"),
        ("fr", "Le ministre des Affaires étrangères a reçu ce mardi son homologue sénégalais au Quai d'Orsay. "
               "Les deux ministres ont évoqué la coopération bilatérale et la situation au Sahel."),
        ("es", "El canciller se reunió el martes con su homólogo argentino en el Palacio San Martín para abordar "
               "la agenda bilateral, el comercio y la cooperación en materia de energía."),
        ("ru", "Министр иностранных дел провёл переговоры с министром иностранных дел Индии. Стороны обсудили "
               "актуальные вопросы двусторонней повестки."),
        ("de", "Außenministerin Baerbock ist am Dienstag zu Gesprächen mit ihrem brasilianischen Amtskollegen in "
               "Brasília eingetroffen. Im Mittelpunkt stehen der Schutz des Regenwaldes und das Handelsabkommen."),
        ("nl", "De minister van Buitenlandse Zaken heeft dinsdag in Den Haag zijn ambtgenoot uit Indonesië ontvangen. "
               "Het gesprek ging over de handel, het klimaat en de samenwerking in de regio."),
        ("id", "Menteri Luar Negeri Republik Indonesia menerima kunjungan kehormatan Duta Besar Jepang untuk Indonesia "
               "di Jakarta pada hari Selasa untuk membahas kerja sama ekonomi dan perdagangan kedua negara."),
        ("ar", "استقبل وزير الخارجية اليوم سفير جمهورية الصين الشعبية لدى المملكة، وجرى خلال الاستقبال استعراض "
               "العلاقات الثنائية بين البلدين وسبل تعزيزها."),
    ],
)
def test_stories_in_other_languages(language, text):
    assert detect_language(text) == language
