"""Which language a story is written in.

py3langid (a maintained fork of langid.py: one naive Bayes model over byte n-grams, 4.5 MB,
loaded once) reads the first few thousand characters in well under a millisecond. The
newsroom's extraction reads English only, so what matters is telling English from the
rest without ever calling an English story foreign: a language other than English is
reported only when the model is sure of it. Short or name-heavy English ("Wang Yi Meets
Josep Borrell") leaves the model unsure, and stays English.

This module imports nothing from Django.
"""

import re
from functools import cache

ENGLISH = "en"
# Enough text to tell any language apart; more only costs time.
SAMPLE = 1000
# The model's probability, normalised over the 140-odd languages it knows, above which a language other
# than English is believed. English stories score 0.997 and more; a short English title
# scores at most 0.2 for any other language; stories in Chinese, Arabic or Indonesian
# score 0.6 to 0.8, most European languages 0.97 and more.
CONFIDENT = 0.5
# Fewer letters than this cannot tell one language from another.
MIN_LETTERS = 20
# py3langid's code for text with no language in it (numbers, symbols).
NO_LANGUAGE = "zxx"
LETTERS = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[a-z]+")
COMMON_ENGLISH = frozenset(
    "the of and to in a is that for on with was said as by at it be are has have will his her this from".split()
)
ENGLISH_SHARE = 0.2
MIN_WORDS = 20


def _plainly_english(sample):
    """Whether a fifth of the words are among English's commonest, as in any English
    story of a few sentences (a third of the words of news copy are): such text needs no
    model, which spares a story 0.3 ms and an English-only import the model's loading
    (0.6 s or more). No other language comes near: "in", "a" or "to" are words in some,
    but not all of these together."""
    words = WORD.findall(sample.casefold())
    return len(words) >= MIN_WORDS and sum(word in COMMON_ENGLISH for word in words) >= len(words) * ENGLISH_SHARE


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639 code of the language `text` is written in ("en", "zh", "fr", ...)."""
    sample = text[:SAMPLE]
    if _plainly_english(sample) or len(LETTERS.findall(sample)) < MIN_LETTERS:
        return ENGLISH
    language, probability = _identifier().classify(sample)
    if language in (ENGLISH, NO_LANGUAGE) or probability < CONFIDENT:
        return ENGLISH
    return language


def is_english(language: str) -> bool:
    return language == ENGLISH
