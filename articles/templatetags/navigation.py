"""Where a page stands in the site: its breadcrumb trail."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def breadcrumb(*steps):
    """The trail from Home: `steps` alternate a label and its address ("People",
    "/people/", ...); a last label without one is the page itself."""
    links = [(reverse("articles:list"), "Home"), *((url, label) for label, url in zip(steps[::2], steps[1::2]))]
    items = format_html_join("", '<li><a href="{}">{}</a></li>', links)
    if len(steps) % 2:
        items += format_html('<li aria-current="page">{}</li>', steps[-1])
    return format_html('<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{}</ol></nav>', items)
