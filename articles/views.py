from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from . import search, sitemaps
from .forms import StatementFilterForm
from .models import Article, Country, Person, Section, Statement
from .relations import Relation

ARTICLES_PER_PAGE = 20
# Statements shown on person and country pages; the explorer has the rest.
STATEMENTS_SHOWN = 10
PEOPLE_SHOWN = 20


def paginate(request, queryset):
    return Paginator(queryset, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))


def statements_by_speaker(statements):
    """Pair each speaker with their statements, speakers in the order they first speak."""
    speakers = {}
    for statement in statements:
        speakers.setdefault(statement.speaker, []).append(statement)
    return list(speakers.items())


def article_list(request):
    page = paginate(request, Article.objects.published().for_list())
    return render(request, "articles/article_list.html", {"page": page})


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
        "speakers": statements_by_speaker(article.statements.all()),
        "share_url": request.build_absolute_uri(article.get_absolute_url()),
        "structured_data": article.structured_data(request.build_absolute_uri),
    }


def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, Article.objects.published().for_list().filter(section=section))
    # A section with only drafts would announce what the desk is working on.
    if not page.paginator.count:
        raise Http404("No published stories in this section.")
    return render(request, "articles/section_detail.html", {"section": section, "page": page})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Article.objects.published().for_list().filter(tags=tag))
    # A tag only on drafts would announce what the drafts are about.
    if not page.paginator.count:
        raise Http404("No published stories carry this tag.")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def country_list(request):
    countries = Country.objects.annotate(
        story_count=Count("articles", filter=Q(articles__in=Article.objects.published()))
    ).filter(story_count__gt=0)
    return render(request, "articles/country_list.html", {"countries": countries})


def country_detail(request, code):
    country = get_object_or_404(Country, code=code.upper())
    if code != code.lower():
        return redirect(country, permanent=True)
    page = paginate(request, Article.objects.published().for_list().filter(countries=country))
    statements = Statement.objects.public().for_list().newest_first()
    return render(
        request,
        "articles/country_detail.html",
        {
            "country": country,
            "page": page,
            "statements_about": statements.filter(countries=country)[:STATEMENTS_SHOWN],
            "statements_by": statements.filter(speaker__country=country)[:STATEMENTS_SHOWN],
            "people": country.people.in_the_news()[:PEOPLE_SHOWN],
            "relations": [(partner, Relation(country, partner)) for partner in country.partners()],
        },
    )


def person_list(request):
    people = Person.objects.select_related("country").annotate(
        story_count=Count("articles", filter=Q(articles__in=Article.objects.published()))
    ).filter(story_count__gt=0)
    return render(request, "articles/person_list.html", {"people": people})


def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.select_related("country").prefetch_related("roles__country"), slug=slug
    )
    page = paginate(request, Article.objects.published().for_list().filter(people=person))
    statements = Statement.objects.public().for_list().filter(speaker=person).newest_first()
    shown = list(statements[:STATEMENTS_SHOWN + 1])
    # Someone named only in drafts is not news yet.
    if not page.paginator.count and not shown:
        raise Http404("No published stories mention this person.")
    return render(
        request,
        "articles/person_detail.html",
        {
            "person": person,
            "page": page,
            "statements": shown[:STATEMENTS_SHOWN],
            "more_statements": len(shown) > STATEMENTS_SHOWN,
            "met": person.met(),
        },
    )


def archive_year(request, year):
    stories = Article.objects.published().filter(published_on__year=year)
    page = paginate(request, stories.for_list())
    if not page.paginator.count:
        raise Http404("Nothing was published that year.")
    return render(
        request, "articles/archive_year.html", {"year": year, "page": page, "months": stories.months()}
    )


def archive_month(request, year, month):
    try:
        first_day = date(year, month, 1)
    except ValueError:
        raise Http404("No such month.")
    stories = Article.objects.published().filter(published_on__year=year, published_on__month=month)
    page = paginate(request, stories.for_list())
    if not page.paginator.count:
        raise Http404("Nothing was published that month.")
    return render(request, "articles/archive_month.html", {"month": first_day, "page": page})


def relation_detail(request, first, second):
    countries = Country.objects.filter(code__in=[first.upper(), second.upper()])
    if first.lower() == second.lower() or len(countries) != 2:
        raise Http404("Relations need two different countries.")
    relation = Relation(*countries)
    if request.path != relation.get_absolute_url():
        return redirect(relation, permanent=True)
    page = paginate(request, relation.stories().for_list())
    relation.with_statements(page.object_list)
    return render(
        request,
        "articles/relation_detail.html",
        {
            "relation": relation,
            "page": page,
            "chart": relation.monthly_chart(),
            "statement_count": relation.statements().count(),
            "people": relation.people(),
            "tags": relation.tags(),
        },
    )


def search_results(request):
    query = search.clean_query(request.GET.get("q", ""))
    params = request.GET.copy()
    params["q"] = query  # Links built from the query carry it cleaned.
    results = search.narrow(search.search(query), params)
    page = paginate(request, results)
    search.highlight(page.object_list, query)
    return render(
        request,
        "articles/search_results.html",
        {"query": query, "page": page, "facets": search.facets(results, params) if query else {}},
    )


def statement_list(request):
    form = StatementFilterForm(request.GET)
    form.is_valid()  # Filter by the fields that are valid; the form shows what is not.
    statements = Statement.objects.public().for_list().matching(**form.cleaned_data).newest_first()
    return render(
        request, "articles/statement_list.html", {"form": form, "page": paginate(request, statements)}
    )


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
    response = render(request, "articles/article_detail.html", {**story_page(request, article), "preview": True})
    # Belt and braces with the page's own <meta name="robots">: a leaked link is never indexed.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
