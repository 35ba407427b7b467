"""When two ways of writing a name are one person.

A name is matched by a normalised form, its key: case, diacritics ("Erdoğan" and "Erdogan"),
honorifics ("Dr", "H.E."), middle initials ("Antony J. Blinken"), hyphens and the article of
Arabic names ("El-Sisi", "al-Sisi", "Al Sisi") do not count. Inside one story two full names
with the same surname are also one person when their given names differ only as spellings of
one name do ("Sergei Lavrov" and "Sergey Lavrov"), never "Joe Biden" and "Jill Biden"; and
so are a name and the same name run together ("Amirabdollahian", "Amir-Abdollahian"), family
name first ("Matsunaga Kazuyoshi"), with the family name by its initial ("B. Battsetseg" for
"Battsetseg Batmunkh") or shortened ("Bruno Rodríguez" for "Bruno Eduardo Rodríguez Parrilla",
"Naledi Pandor" for "Grace Naledi Mandisa Pandor"); and a surname alone is the surname of a
full name transliterated with a letter more or less ("Kulubayev" for "Jeenbek Kulubaev").
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ħ": "h", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "’": "'", "ʻ": "'",
                               "‘": "'", "-": " "})
# Honorifics an editor may type before a name ("Dr Arif Alvi"), and the style "Sheikh" ("Sheikh
# Tamim" is Tamim); not "He", a surname ("He Lifeng").
HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "dr", "h.e", "h.h", "sir", "dame", "lord", "lady", "rt", "hon",
                             "honourable", "honorable", "shri", "smt", "shrimati", "madam", "madame", "prof",
                             "sheikh", "sheikha"})
ARABIC_ARTICLES = frozenset({"al", "el"})
PATRONYMIC_PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "ben", "ould", "oglu"})
INITIAL = re.compile(r"^[a-z]\.?$")


@functools.lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """A name as it is matched: "H.E. Abdel Fattah El-Sisi" and "abdel fattah al-sisi" give
    "abdel fattah sisi"; "Antony J. Blinken" gives "antony blinken"."""
    plain = unicodedata.normalize("NFKD", name.translate(PLAIN_LETTERS))
    plain = "".join(char for char in plain if not unicodedata.combining(char)).casefold()
    words = [word.rstrip(".,") for word in plain.split()]
    while len(words) > 1 and words[0] in HONORIFIC_WORDS:
        words.pop(0)
    words = [word for word in words if word and word not in ARABIC_ARTICLES] or words
    if len(words) > 2:
        # Middle initials, never the first word ("S. Jaishankar") or the last.
        words = [words[0], *(word for word in words[1:-1] if not INITIAL.match(word)), words[-1]]
    return " ".join(words)


def one_person(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two full names (person_key's words, two or more each) written in one story
    are one person's."""
    if first[-1] == second[-1] and same_given_name(first[0], second[0]):
        return True
    # The given name, and the surname transliterated another way: "Marko Djuric" for "Marko Đurić".
    longer_surname, shorter_surname = sorted((first[-1], second[-1]), key=len, reverse=True)
    if first[0] == second[0] and transliterated(longer_surname, shorter_surname):
        return True
    if "".join(first) == "".join(second):
        return True
    if len(first) == len(second) == 2 and first == second[::-1]:
        return True
    if _initial_and_name(first, second) or _initial_and_name(second, first):
        return True
    shorter, longer = sorted((first, second), key=len)
    if len(longer) < 3:
        return False
    # The given name, then the rest of the shorter name in order among the longer's words.
    rest = iter(longer[1:])
    if shorter[0] == longer[0] and all(word in rest for word in shorter[1:]):
        return True
    # A middle name the person goes by, with the surname: "Naledi Pandor" for "Grace Naledi Mandisa
    # Pandor"; not a father's name after "bin" ("Salman ... Al Saud" in "Mohammed bin Salman ... Al Saud").
    if len(shorter) == 2 and shorter[1] == longer[-1] and shorter[0] in longer[1:-1]:
        return longer[longer.index(shorter[0], 1) - 1] not in PATRONYMIC_PARTICLES
    return False


def _initial_and_name(initialled: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a name is another's by an initial before its given name, as Mongolian names are
    printed: "B. Battsetseg" for "Battsetseg Batmunkh"."""
    if len(initialled) != 2 or len(initialled[0]) != 1 or initialled[1] not in full:
        return False
    return any(word[0] == initialled[0] for word in full if word != initialled[1])


def spelled_out(name: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether a name gives in full what another of the same person gives by an initial."""
    return any(len(word) == 1 for word in other) and all(len(word) > 1 for word in name)


def same_given_name(first: str, second: str) -> bool:
    """Whether two given names are spellings of one ("sergei" and "sergey", "antony" and
    "anthony"): an initial of the other, or at most one letter changed, added or dropped (two
    in names of more than five letters)."""
    if first == second:
        return True
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    if first[0] != second[0]:
        return False
    allowed = 2 if min(len(first), len(second)) > 5 else 1
    return _edits(first, second, allowed) <= allowed


def transliterated(word: str, surname: str) -> bool:
    """Whether a surname alone is one of the story's written another way, a letter added or
    dropped ("Kulubayev" for "Kulubaev"): only in names of six letters or more."""
    return len(word) >= 6 and abs(len(word) - len(surname)) == 1 and word[0] == surname[0] \
        and _edits(word, surname, 1) == 1


def _edits(first: str, second: str, most: int) -> int:
    """Levenshtein distance, cut short once it passes `most`."""
    if abs(len(first) - len(second)) > most:
        return most + 1
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (char != other)))
        if min(current) > most:
            return most + 1
        previous = current
    return previous[-1]
