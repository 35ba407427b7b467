from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page):
    """Page numbers around the current page, with "…" for the gaps: 1 2 … 7 8 [9] 10 11 … 40 41."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
