from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from taggit.models import Tag

from .models import Article, Country, Person, Section, Statement

ARTICLES_PER_PAGE = 20


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
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "speakers": statements_by_speaker(article.statements.all()),
            "share_url": request.build_absolute_uri(article.get_absolute_url()),
        },
    )


def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, Article.objects.published().for_list().filter(section=section))
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
    return render(request, "articles/country_detail.html", {"country": country, "page": page})


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
    statements = list(
        Statement.objects.public()
        .for_list()
        .filter(speaker=person)
        .order_by("-article__published_at", "position")
    )
    # Someone named only in drafts is not news yet.
    if not page.paginator.count and not statements:
        raise Http404("No published stories mention this person.")
    return render(
        request,
        "articles/person_detail.html",
        {"person": person, "page": page, "statements": statements},
    )


@never_cache
def article_preview(request, pk):
    """The story as readers will see it, for the desk only: drafts, scheduled and withdrawn too."""
    if not request.user.is_active or not request.user.is_staff or not request.user.has_perm("articles.change_article"):
        raise Http404("No such story.")
    article = get_object_or_404(Article.objects.for_detail(), pk=pk)
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "speakers": statements_by_speaker(article.statements.all()),
            "share_url": request.build_absolute_uri(article.get_absolute_url()),
            "preview": True,
        },
    )
    # Belt and braces with the page's own <meta name="robots">: a leaked link is never indexed.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
