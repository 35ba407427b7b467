"""Folding duplicate tags and people into one, without breaking a link anyone has shared.

"Pakistani President Alvi" and "Arif Alvi" turn out to be one person, "CPEC" and "China-
Pakistan Economic Corridor" one tag. Merging moves everything onto the one kept, deletes the
others, and leaves a permanent redirect (a MovedPage) from each old page to the kept one, so readers and search engines follow. Each story touched gets a revision.

Only a page readers could open moves: the address of a tag or person known only to the
desk's drafts stays a 404, as a redirect would reveal that they exist and who they are.
"""

import reversion
from django.db import transaction
from django.urls import reverse

from .models import Article, MovedPage, Person, RevisionSource, Statement, TaggedArticle, split_lines
from .revisions import record


@transaction.atomic
def merge_tags(tags, into, *, user=None):
    """Retag every story carrying one of `tags` with `into`, then delete `tags`. Returns stories touched."""
    tags = [tag for tag in tags if tag.pk != into.pk]
    stories = list(Article.objects.filter(tags__in=tags).distinct())
    for tag in tags:
        public = Article.objects.published().filter(tags=tag).exists()
        links = TaggedArticle.objects.filter(tag=tag)
        # A story with both tags keeps one link, not two (and the unique constraint agrees).
        links.filter(content_object__tags=into).delete()
        links.update(tag=into)
        if public:
            MovedPage.objects.move(reverse("articles:tag", args=[tag.slug]), reverse("articles:tag", args=[into.slug]))
        tag.delete()
    _revise(stories, f"Tags {', '.join(tag.name for tag in tags)} merged into {into.name}.", user)
    return len(stories)


@transaction.atomic
def merge_people(people, into, *, user=None):
    """Move statements, story links, aliases and roles of `people` to `into`, then delete them."""
    people = [person for person in people if person.pk != into.pk]
    stories = list(Article.objects.filter(people__in=people).distinct())
    stories += list(Article.objects.filter(statements__speaker__in=people).exclude(pk__in=[s.pk for s in stories]).distinct())
    for person in people:
        public = Person.objects.public().filter(pk=person.pk).exists()
        Statement.objects.filter(speaker=person).update(speaker=into)
        Statement.objects.filter(audience=person).update(audience=into)
        Statement.objects.filter(on_behalf_of=person).update(on_behalf_of=into)
        for article in person.articles.all():
            article.people.add(into)
        person.roles.update(person=into)
        # The old name is how some stories still say it: keep it as an alias.
        aliases = split_lines(into.aliases) + [person.name, *split_lines(person.aliases)]
        into.aliases = "\n".join(dict.fromkeys(a for a in aliases if a.casefold() != into.name.casefold()))
        into.country = into.country or person.country
        into.wikidata_id = into.wikidata_id or person.wikidata_id
        into.bio = into.bio or person.bio
        if not into.photo and person.photo:
            into.photo, into.photo_alt = person.photo, person.photo_alt
        if public:
            MovedPage.objects.move(person.get_absolute_url(), into.get_absolute_url())
        person.delete()
    into.save()
    _revise(stories, f"{', '.join(p.name for p in people)} merged into {into.name}.", user)
    return len(stories)


def _revise(stories, comment, user):
    for story in stories:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            record(RevisionSource.Source.ADMIN)
            story.refresh_from_db()
            story.save()
            reversion.add_to_revision(story)
