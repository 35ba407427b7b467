"""Which language a story is written in.

py3langid (a maintained fork of langid.py: one naive Bayes model over byte n-grams, 4.5 MB,
loaded once) reads the first few thousand characters in well under a millisecond. The
newsroom's extraction reads English only, so what matters is telling English from the
rest without ever calling an English story foreign: a language other than English is
reported only when the model is sure of it. Short or name-heavy English ("Wang Yi Meets
Josep Borrell") leaves the model unsure, and stays English.

This module imports nothing from Django.
"""

from functools import cache

ENGLISH = "en"
# Enough text to tell any language apart; more only costs time.
SAMPLE = 2000
# The model's probability, normalised over the 140-odd languages it knows, above which a language other
# than English is believed. English stories score 0.997 and more; a short English title
# scores at most 0.2 for any other language; stories in Chinese, Arabic or Indonesian
# score 0.6 to 0.8, most European languages 0.97 and more.
CONFIDENT = 0.5
# Fewer letters than this cannot tell one language from another.
MIN_LETTERS = 20
# py3langid's code for text with no language in it (numbers, symbols).
NO_LANGUAGE = "zxx"


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639 code of the language `text` is written in ("en", "zh", "fr", ...)."""
    sample = text[:SAMPLE]
    if sum(character.isalpha() for character in sample) < MIN_LETTERS:
        return ENGLISH
    language, probability = _identifier().classify(sample)
    if language in (ENGLISH, NO_LANGUAGE) or probability < CONFIDENT:
        return ENGLISH
    return language


def is_english(language: str) -> bool:
    return language == ENGLISH
