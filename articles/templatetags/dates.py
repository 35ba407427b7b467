"""Dates and times as every public page prints them: one format, naming the newsroom's zone."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# What readers call a zone; any other is named by its city ("Europe/Paris": "Paris time").
ZONE_NAMES = {"Asia/Shanghai": "Beijing time", "Asia/Chongqing": "Beijing time", "UTC": "UTC", "Etc/UTC": "UTC"}


def zone_name(zone):
    key = str(zone)
    return ZONE_NAMES.get(key) or f"{key.rsplit('/', 1)[-1].replace('_', ' ')} time"


def day_in_words(day):
    """"6 May 2023". Written out rather than through Django's date format: every list prints
    one for each of its stories."""
    return f"{day.day} {MONTHS[day.month]} {day.year}"


@register.filter
def time_tag(moment):
    """A <time> element for a datetime or a date, or nothing for None: "6 May 2023, 15:34
    Beijing time" for a time, with its offset from UTC in `datetime`; "6 May 2023" for a day."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, datetime):
        local = timezone.localtime(moment)
        machine = local.isoformat(timespec="minutes")
        words = f"{day_in_words(local)}, {local:%H:%M} {zone_name(local.tzinfo)}"
    else:
        machine, words = moment.isoformat(), day_in_words(moment)
    return mark_safe(f'<time datetime="{machine}">{escape(words)}</time>')
