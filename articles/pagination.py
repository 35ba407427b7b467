"""Pages of long lists that cost the same at page 1,000 as at page 1.

Django's Paginator counts the whole list to number its pages, and fetches a page by
skipping the rows before it. Here a page reads the keys of its rows, and of the next few
pages, from an index alone (the skipped rows are never fetched), then the page's own rows
by key. Nothing counts the whole list: a page knows whether a few more follow it, and the
views give a total where a tally holds one.
"""

from dataclasses import dataclass, field

from django.http import Http404

PER_PAGE = 20
# Pages after the current one offered as links; the next ones appear as the reader moves on.
LOOKAHEAD = 2
# Beyond this, a list is read by its archives (years and months) and its filters.
MAX_PAGE = 5000


def page_number(request):
    """The `page` query parameter as a page number; a 404 for anything but 1 to MAX_PAGE."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise Http404("No such page.")
    return int(raw)


@dataclass
class Page:
    number: int
    object_list: list
    following: int  # pages after this one, up to LOOKAHEAD
    total: int | None = None  # rows in the whole list, where known
    extra: dict = field(default_factory=dict)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_next(self):
        return self.following > 0

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_next or self.has_previous

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def page_numbers(self):
        """1 … 7 8 [9] 10 11: the first page, two before this one, and those known to follow;
        None stands for a gap."""
        around = range(max(1, self.number - 2), self.number + self.following + 1)
        numbers = [1, None] if around[0] > 2 else [1] if around[0] == 2 else []
        return numbers + list(around)


def paginate(request, keys, fetch, *, total=None, per_page=PER_PAGE):
    """The page the request asks for of a list.

    `keys` is a queryset of the rows' keys in the list's order (`values_list(..., flat=True)`),
    whose slice the database reads from an index; `fetch` turns a page of keys into the
    objects to show, in that order. A page past the end is a 404, except the first.
    """
    number = page_number(request)
    start = (number - 1) * per_page
    window = list(keys[start:start + per_page * (1 + LOOKAHEAD)])
    if number > 1 and not window:
        raise Http404("No such page.")
    following = -(-max(0, len(window) - per_page) // per_page)
    return Page(number, fetch(window[:per_page]), following, total)


def in_order(objects, keys):
    """`objects` sorted as `keys` lists their primary keys; keys with no object are left out."""
    by_key = {obj.pk: obj for obj in objects}
    return [by_key[key] for key in keys if key in by_key]
