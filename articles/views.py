from datetime import date

from django.contrib.sitemaps.views import sitemap
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from . import listings, search, search_names, sitemaps
from .forms import StatementFilterForm
from .indexes import AZIndex
from .models import (
    Article, Country, Listing, PendingChange, Person, Section, Statement, StatementAbout, Tally, local_midnight,
)
from .pagination import in_order, paginate
from .relations import Relation

# Statements shown on person and country pages; the explorer has the rest.
STATEMENTS_SHOWN = 10
PEOPLE_SHOWN = 20
PEOPLE_MET = 12
PARTNERS_SHOWN = 12


def stories_page(request, ids, *, total=None):
    """A page of published stories, `ids` their keys in the list's order."""
    def fetch(page_ids):
        return in_order(Article.objects.published().for_list().filter(pk__in=page_ids), page_ids)

    return paginate(request, ids, fetch, total=total)


def listed_page(request, kind, key):
    """A page of a list of stories (a section's, a tag's, ...), with the list's total."""
    ids = Listing.objects.of(kind, key).public().newest_first().values_list("article_id", flat=True)
    stories, _ = listings.totals(kind, [key], statements=False)[str(key)]
    return stories_page(request, ids, total=stories)


# Names on a page of the people's or countries' index.
INDEX_PER_PAGE = 100


def index_page(request, kind, queryset):
    """The A-Z index of the people or countries in published stories (a Listing `kind`), at
    the letter and filter asked for, and the page of it asked for, each with its story count.

    Every name listed is read and sorted here (a few thousand), not by the database: the
    order ignores diacritics, which neither database's collation does alike. The counts
    come from the tallies, for the page's names only.
    """
    names = listings.listed(queryset, kind).values_list("pk", "name")
    index = AZIndex(list(names), letter=request.GET.get("letter", "").upper(), words=request.GET.get("q", ""))
    keys = index.keys

    def fetch(page_keys):
        counts = listings.totals(kind, page_keys, statements=False)
        found = in_order(queryset.filter(pk__in=page_keys), page_keys)
        for entry in found:
            entry.story_count = counts[str(entry.pk)][0]
        return found

    return index, paginate(request, keys, fetch, total=len(keys), per_page=INDEX_PER_PAGE)


def article_list(request):
    return render(request, "articles/article_list.html", {"page": stories_page(request, Article.objects.published().values_list("pk", flat=True))})


def article_detail(request, year, month, day, slug):
    try:
        published_on = date(year, month, day)
    except ValueError:
        raise Http404("No such date.")
    article = get_object_or_404(
        Article.objects.published().for_detail(), published_on=published_on, slug=slug
    )
    return render(request, "articles/article_detail.html", story_page(request, article))


def story_page(request, article):
    """What the story page shows, for readers and for the desk's preview alike."""
    return {
        "article": article,
        "more": article.more_from(),
        "share_url": request.build_absolute_uri(article.get_absolute_url()),
        "share_image": request.build_absolute_uri(article.share_image_url),
        "structured_data": article.structured_data(request.build_absolute_uri),
    }


def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = listed_page(request, Listing.Kind.SECTION, section.pk)
    # A section with only drafts would announce what the desk is working on.
    if not page.total:
        raise Http404("No published stories in this section.")
    return render(request, "articles/section_detail.html", {"section": section, "page": page})


def section_list(request):
    sections = list(Section.objects.public())
    counts = listings.totals(Listing.Kind.SECTION, [section.pk for section in sections], statements=False)
    for section in sections:
        section.story_count = counts[str(section.pk)][0]
    return render(request, "articles/section_list.html", {"sections": sections})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = listed_page(request, Listing.Kind.TAG, tag.pk)
    # A tag only on drafts would announce what the drafts are about.
    if not page.total:
        raise Http404("No published stories carry this tag.")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def country_list(request):
    index, page = index_page(request, Listing.Kind.COUNTRY, Country.objects.all())
    return render(request, "articles/country_list.html", {"index": index, "page": page})


def country_detail(request, code):
    country = get_object_or_404(Country, code=code.upper())
    if code != code.lower():
        return redirect(country, permanent=True)
    page = listed_page(request, Listing.Kind.COUNTRY, country.pk)
    about = StatementAbout.objects.filter(country=country, public_from__lte=timezone.now()).order_by(
        "-public_from", "-statement_id"
    ).values_list("statement_id", flat=True)[:STATEMENTS_SHOWN]
    about = list(about)
    public = Statement.objects.public().for_list()
    by_ids = list(public.filter(speaker_country=country).newest_first()[:STATEMENTS_SHOWN])
    people = listings.ranked(Listing.Kind.PERSON, country.people.values_list("pk", flat=True), PEOPLE_SHOWN)
    partners = listings.partners(country, PARTNERS_SHOWN)
    return render(
        request,
        "articles/country_detail.html",
        {
            "country": country,
            "page": page,
            "statements_about": in_order(public.filter(pk__in=about), about),
            "statements_by": by_ids,
            "people": counted_in_order(Person.objects.select_related("country"), people),
            "relations": [(partner, Relation(country, partner)) for partner in counted_in_order(Country.objects, partners)],
        },
    )


def counted_in_order(queryset, ranked):
    """The objects of [(pk, stories)], in that order, each with `stories` set."""
    found = queryset.in_bulk([pk for pk, _ in ranked])
    objects = []
    for pk, stories in ranked:
        if pk in found:
            found[pk].stories = stories
            objects.append(found[pk])
    return objects


def person_list(request):
    index, page = index_page(request, Listing.Kind.PERSON, Person.objects.select_related("country"))
    return render(request, "articles/person_list.html", {"index": index, "page": page})


def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.select_related("country").prefetch_related("roles__country"), slug=slug
    )
    # Stories naming the person or in which they speak.
    page = listed_page(request, Listing.Kind.PERSON, person.pk)
    # Someone named only in drafts is not news yet.
    if not page.total:
        raise Http404("No published stories mention this person.")
    statements = Statement.objects.public().for_list().filter(speaker=person).newest_first()
    shown = list(statements[:STATEMENTS_SHOWN + 1])
    met = listings.most_listed_with(Listing.Kind.PERSON, person.pk, Listing.Kind.PERSON, PEOPLE_MET, exclude=person.pk)
    return render(
        request,
        "articles/person_detail.html",
        {
            "person": person,
            "page": page,
            "statements": shown[:STATEMENTS_SHOWN],
            "more_statements": len(shown) > STATEMENTS_SHOWN,
            "met": counted_in_order(Person.objects.select_related("country"), met),
        },
    )


def neighbours(values, value):
    """The values just before and just after `value` among sorted `values` (None at either end)."""
    earlier = [other for other in values if other < value]
    later = [other for other in values if other > value]
    return (earlier[-1] if earlier else None), (later[0] if later else None)


def archive_index(request):
    months = listings.monthly(Tally.ALL, "")
    years = {}
    for row in reversed(months):
        years.setdefault(row.month.year, []).append(row)
    return render(request, "articles/archive_index.html", {
        "years": [(year, sum(row.stories for row in rows), rows) for year, rows in years.items()],
    })


def archive_year(request, year):
    try:
        start, end = local_midnight(date(year, 1, 1)), local_midnight(date(year + 1, 1, 1))
    except (ValueError, OverflowError):
        raise Http404("No such year.")
    every_month = listings.monthly(Tally.ALL, "")
    months = [row for row in reversed(every_month) if row.month.year == year]
    if not months:
        raise Http404("Nothing was published that year.")
    stories = Article.objects.published().filter(published_at__gte=start, published_at__lt=end)
    page = stories_page(request, stories.values_list("pk", flat=True), total=sum(row.stories for row in months))
    previous, following = neighbours(sorted({row.month.year for row in every_month}), year)
    return render(request, "articles/archive_year.html", {
        "year": year, "page": page, "months": months, "previous": previous, "next": following,
    })


def archive_month(request, year, month):
    try:
        first_day = date(year, month, 1)
    except ValueError:
        raise Http404("No such month.")
    every_month = listings.monthly(Tally.ALL, "")
    total = next((row.stories for row in every_month if row.month == first_day), 0)
    if not total:
        raise Http404("Nothing was published that month.")
    start, end = listings.month_bounds(first_day)
    stories = Article.objects.published().filter(published_at__gte=start, published_at__lt=end)
    page = stories_page(request, stories.values_list("pk", flat=True), total=total)
    previous, following = neighbours([row.month for row in every_month], first_day)
    return render(request, "articles/archive_month.html", {
        "month": first_day, "page": page, "previous": previous, "next": following,
    })


def relation_detail(request, first, second):
    countries = Country.objects.filter(code__in=[first.upper(), second.upper()])
    if first.lower() == second.lower() or len(countries) != 2:
        raise Http404("Relations need two different countries.")
    relation = Relation(*countries)
    if request.path != relation.get_absolute_url():
        return redirect(relation, permanent=True)
    stories, statements = relation.totals()
    page = stories_page(request, relation.story_ids(), total=stories)
    relation.with_statements(page.object_list)
    return render(
        request,
        "articles/relation_detail.html",
        {
            "relation": relation,
            "page": page,
            "chart": relation.monthly_chart(),
            "statement_count": statements,
            "people": relation.people(),
            "tags": relation.tags(),
        },
    )


def search_results(request):
    query = search.clean_query(request.GET.get("q", ""))
    params = request.GET.copy()
    params["q"] = query  # Links built from the query carry it cleaned.
    results = search.search(query, params)
    page = stories_page(request, results.ids, total=len(results.ids))
    search.highlight(page.object_list, query)
    names = search_names.public_names() if query and page.number == 1 else {}
    named = search_names.named_in(query, names)
    return render(
        request,
        "articles/search_results.html",
        {
            "query": query,
            "page": page,
            "more": results.more,
            "facets": search.facets(results.ids, params) if results.ids else {},
            "named": named,
            "did_you_mean": search_names.misspelt(query, names, exclude=named),
        },
    )


# Filtered lists of statements are counted up to this many; beyond, the page says "more than".
STATEMENTS_COUNTED = 1000


def statement_list(request):
    form = StatementFilterForm(request.GET)
    form.is_valid()  # Filter by the fields that are valid; the form shows what is not.
    filters = {name: value for name, value in form.cleaned_data.items() if value}
    keys = Statement.objects.matching_keys(**filters)
    if filters:
        total = keys[:STATEMENTS_COUNTED + 1].count()
    else:
        total = listings.totals(Tally.ALL, [""])[""][1]

    def fetch(page_ids):
        return in_order(Statement.objects.public().for_list().filter(pk__in=page_ids), page_ids)

    page = paginate(request, keys, fetch, total=total)
    return render(
        request,
        "articles/statement_list.html",
        {"form": form, "page": page, "more_than": total > STATEMENTS_COUNTED and STATEMENTS_COUNTED},
    )


def sitemap_index(request):
    return render(
        request,
        "sitemaps/index.xml",
        {"entries": sitemaps.index_entries(), "base": request.build_absolute_uri("/")[:-1]},
        content_type="application/xml",
    )


def story_sitemap(request, year, month):
    try:
        first_day = date(year, month, 1)
    except ValueError:
        raise Http404("No such month.")
    return sitemap(request, {"stories": sitemaps.StorySitemap(first_day)}, section="stories")


def news_sitemap(request):
    return render(
        request,
        "sitemaps/news.xml",
        {"stories": sitemaps.news_stories(), "base": request.build_absolute_uri("/")[:-1]},
        content_type="application/xml",
    )


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain")


@never_cache
def article_preview(request, pk):
    """The story as readers will see it, for the desk only: drafts, scheduled and withdrawn too."""
    if not request.user.is_active or not request.user.is_staff or not request.user.has_perm("articles.change_article"):
        raise Http404("No such story.")
    article = get_object_or_404(Article.objects.for_detail(), pk=pk)
    # A live story with its pending change, as readers would get it once published.
    pending = PendingChange.objects.filter(article=article).first() if "pending" in request.GET else None
    if pending:
        pending.applied_to(article)
    response = render(request, "articles/article_detail.html",
                      {**story_page(request, article), "preview": True, "pending": pending})
    # Belt and braces with the page's own <meta name="robots">: a leaked link is never indexed.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
