"""Filters for machine readers: XML sitemaps and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def ld_json(data):
    """`data` as JSON safe inside <script type="application/ld+json">: <, > and & are
    escaped as json_script escapes them, so no text in it can close the element."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes))
