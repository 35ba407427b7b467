"""Countries named in a story: every name, alias or demonym of the gazetteer, except in
a currency ("US dollars")."""

from __future__ import annotations

from .vocabulary import CURRENCY, SHARED_SHORT_NAMES
from .gazetteer import Gazetteer


def country_mentions(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    found = []
    by_name, currency = gazetteer.country_by_name.get, CURRENCY.match
    for match in gazetteer.country_scan.finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        code = by_name(match.group())
        if code and not currency(text, end):
            found.append((start, end, code))
    return found


def settle_shared_names(named: list[tuple[str, str]]) -> list[str]:
    """The codes of the countries a story names, as (name as written, code), with a short name
    two countries share given to the one the story names in full (see SHARED_SHORT_NAMES)."""
    codes = [code for _, code in named]
    for short, (alone, other) in SHARED_SHORT_NAMES.items():
        in_full = {code for name, code in named if name != short}
        if other in in_full and alone not in in_full:
            codes = [other if name == short else code for (name, _), code in zip(named, codes)]
    return codes


def after_country(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where a name beginning at `start` really begins, past a country name of several words
    that runs into it; one-word country names and demonyms already split names. `end` when the
    country holds the whole name: "Darussalam" of "Brunei Darussalam", split at "Brunei"."""
    for match in gazetteer.country_scan.finditer(text, max(0, start - 30), end):
        if match.start() <= start < match.end() and " " in match.group() \
                and not (match.start() and text[match.start() - 1].isalnum()):
            return end - len(text[match.end():end].lstrip()) if match.end() < end else end
    return start
