"""The dates the newsroom can hold, and years read strictly.

Plain Python, shared by the story format, the models' validators, the URL patterns and
search, so that all of them agree on which dates exist.
"""

import re

# Four-digit years, as archive addresses and search facets print them, and none at the
# very edges of what Python's datetime holds, so a date is a date in every time zone:
# 0001-01-01 in Beijing is a year BC in UTC, which PostgreSQL stores and Python cannot
# read back, and 9999-12-31 in New York is already the year 10000 in UTC.
FIRST_YEAR = 1000
LAST_YEAR = 9998
YEARS = f"from the year {FIRST_YEAR} to {LAST_YEAR}"

# ASCII digits only: int() would also take "٢٠٢٣" or "２０２３", and str.isdigit() "²³⁴⁵".
FOUR_DIGITS = re.compile(r"[0-9]{4}")


def is_kept(year):
    return FIRST_YEAR <= year <= LAST_YEAR


def parse_year(text):
    """The year `text` names, or None unless it is four ASCII digits and a year the newsroom keeps."""
    if not FOUR_DIGITS.fullmatch(text):
        return None
    year = int(text)
    return year if is_kept(year) else None
