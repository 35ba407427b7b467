"""The A-Z indexes of people and countries: names in the order readers look for them.

Plain Python. A name is filed by its letters with diacritics, case and punctuation set
aside ("Çavuşoğlu" between "Castro" and "Chen", "Åland" under A), as printed: given name
first where the name is written so, which keeps every index in one order readers can see.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Names that do not start with a letter of A to Z once transliterated ("1st Secretary").
OTHER = "0-9"
# The longest filter read: a name, not an essay.
MAX_FILTER = 100


# Enough for every name of a large newsroom: each is folded once per worker, not per request.
@lru_cache(maxsize=50_000)
def folded(text):
    """`text` as the index sorts and filters it: "Recep Tayyip Erdoğan" is "recep tayyip erdogan"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", unidecode(text).casefold()).split())


def filed_under(folded_name):
    letter = folded_name[:1].upper()
    return letter if letter and letter in LETTERS else OTHER


@dataclass
class AZIndex:
    """An index of (key, name) entries, alphabetical, narrowed to a `letter` and to names
    holding all the `words` of a filter."""

    entries: list
    letter: str = ""
    words: str = ""

    def __post_init__(self):
        # (folded name, name, key): the name as printed breaks ties between "Lü" and "Lu".
        self.sorted = sorted((folded(name), name, key) for key, name in self.entries)
        self.letter = self.letter if self.letter in (*LETTERS, OTHER) else ""
        self.words = " ".join(self.words[:MAX_FILTER].split())

    @property
    def letters(self):
        """[(letter, whether any name starts with it)] for the A-Z bar."""
        present = {filed_under(fold) for fold, _, _ in self.sorted}  # names before letters, as they sort
        return [(letter, letter in present) for letter in (OTHER, *LETTERS)]

    @property
    def keys(self):
        """The keys of the entries shown, in order."""
        wanted = folded(self.words).split()
        return [
            key for fold, _, key in self.sorted
            if (not self.letter or filed_under(fold) == self.letter) and all(word in fold for word in wanted)
        ]
