"""Dates and times as every public page prints them: one format, naming the newsroom's zone."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

register = template.Library()

# What readers call a zone; any other is named by its city ("Europe/Paris": "Paris time").
ZONE_NAMES = {"Asia/Shanghai": "Beijing time", "Asia/Chongqing": "Beijing time", "UTC": "UTC", "Etc/UTC": "UTC"}


def zone_name(zone):
    key = str(zone)
    return ZONE_NAMES.get(key) or f"{key.rsplit('/', 1)[-1].replace('_', ' ')} time"


def in_words(moment):
    """"6 May 2023, 15:34 Beijing time" for a time; "6 May 2023" for a day."""
    if isinstance(moment, datetime):
        local = timezone.localtime(moment)
        return f"{date_format(local, 'j F Y, H:i')} {zone_name(timezone.get_current_timezone())}"
    return date_format(moment, "j F Y")


def machine_readable(moment):
    """The <time datetime> value: a day, or a time with its offset from UTC ("2023-05-06T15:34+08:00")."""
    if isinstance(moment, datetime):
        return timezone.localtime(moment).isoformat(timespec="minutes")
    return moment.isoformat()


@register.filter
def time_tag(moment):
    """A <time> element for a datetime or a date, or nothing for None."""
    if moment is None or moment == "":
        return ""
    return format_html('<time datetime="{}">{}</time>', machine_readable(moment), in_words(moment))
