"""Every change of a story's state, in one place: submitting, publishing, withdrawing,
tagging, confirming and rejecting statements, and pending changes to live stories.

Each change is saved in a revision of its own story that claims the story's version
(Article.claim_version): whoever opened the story's form before it then gets a conflict
showing the change, never a silent overwrite on their next save. The revision records who,
when and from where; saving the story refreshes what readers see once it commits
(articles/signals.py). The admin, its bulk actions and its buttons call these functions and
never change a story's state themselves.
"""

from collections import defaultdict

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.timezone import localtime

from . import revisions
from .models import Article, PendingChange, RevisionSource, Statement
from .suggestions import suggest_for_edited


def change_story(article, change, *, user, comment, source=RevisionSource.Source.ADMIN):
    """Apply `change(article)` and save the story as one revision, claiming the version
    `article` was read at. Raises Article.Conflict, changing nothing, when someone saved the
    story since: set `article.version` to the version an editor opened to hold them to it."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        revisions.record(source)
        change(article)
        article.save()
        # Followed by its statements and tag links, as they are once the block ends.
        reversion.add_to_revision(article)
    return article


def change_stories(articles, change, *, user, comment):
    """change_story for each of `articles`: one revision each, so restoring one story never
    restores the others. Returns how many were saved."""
    saved = 0
    for article in articles:
        change_story(article, change, user=user, comment=comment)
        saved += 1
    return saved


def submit_for_review(articles, *, user):
    drafts = articles.filter(status=Article.Status.DRAFT)
    return change_stories(drafts, lambda a: setattr(a, "status", Article.Status.IN_REVIEW),
                          user=user, comment="Submitted for review.")


def publish(articles, *, user):
    """Publish, or schedule for a future time, each story not yet published.

    Returns (how many were published, "title: reason" for each refused one).
    """
    ready, refused = [], []
    for article in articles.exclude(status=Article.Status.PUBLISHED):
        article.publish()
        try:
            article.clean()
            ready.append(article)
        except ValidationError as error:
            refused.append(f"{article}: {' '.join(error.messages)}")
    return change_stories(ready, lambda article: None, user=user, comment="Published."), refused


def withdraw(articles, *, user):
    published = articles.filter(status=Article.Status.PUBLISHED)
    return change_stories(published, lambda a: setattr(a, "status", Article.Status.WITHDRAWN),
                          user=user, comment="Withdrawn.")


def add_tags(articles, tags, *, user):
    return change_stories(articles, lambda article: article.tags.add(*tags),
                          user=user, comment=f"Tagged {', '.join(tags)}.")


def review_statements(statements, review, *, user, opened_versions=None):
    """Confirm or reject `statements`, in a revision of each of their stories.

    `opened_versions` ({story pk: version}) holds each story to the version the editor
    deciding had open: a story saved since raises Article.Conflict and nothing is changed.
    Without it the story's version is claimed as it is now. Returns how many statements
    changed, and in how many stories.
    """
    chosen = defaultdict(list)
    for statement_id, article_id in statements.values_list("pk", "article_id"):
        chosen[article_id].append(statement_id)
    verb = "Confirmed" if review == Statement.Review.CONFIRMED else "Rejected"
    settled = 0

    def settle(article):
        nonlocal settled
        settled += Statement.objects.filter(pk__in=chosen[article.pk]).set_review(review)

    for article in Article.objects.filter(pk__in=chosen).order_by("pk"):
        if opened_versions is not None:
            article.version = opened_versions[article.pk]
        count = len(chosen[article.pk])
        change_story(article, settle, user=user,
                     comment=f"{verb} {count} statement{'s' if count != 1 else ''}.")
    return settled, len(chosen)


def review_suggestions(articles, review, *, user):
    """Confirm or reject every suggested statement of `articles`; returns (statements, stories)."""
    suggested = Statement.objects.filter(article__in=articles, review=Statement.Review.SUGGESTED)
    return review_statements(suggested, review, user=user)


def save_statement(statement, *, user, save=None, delete=False):
    """A statement saved on its own page (`save()` saves it with its countries) or deleted
    there: a change to its story, like any other."""
    article = Article.objects.get(pk=statement.article_id)
    what = "Deleted" if delete else "Saved"
    change_story(article, lambda _: statement.delete() if delete else save(),
                 user=user, comment=f"{what} statement {statement.position}.")


class Outdated(Exception):
    """Someone changed live, since a pending change was saved, a field it changes too."""

    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields


def hold_pending(article, values, *, user):
    """Keep `values` ({field: value}) as the pending change of the live `article`, in place of
    any it had: readers go on seeing the story as it is. Returns the fields held, those whose
    value differs from the live one.

    The story's version is claimed, and a revision says who saved a pending change, so a
    colleague's form opened before cannot replace it unseen; the story itself is not saved,
    so nothing readers see changes, not even its modified time.
    """
    changes = {
        field: [getattr(article, field), value]
        for field, value in values.items()
        if field in PendingChange.FIELDS and value != getattr(article, field)
    }
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Saved a pending change to the {', '.join(changes)}.")
        revisions.record(RevisionSource.Source.ADMIN)
        article.claim_version()
        PendingChange.objects.update_or_create(article=article, defaults={"changes": changes, "saved_by": user})
        reversion.add_to_revision(article)
    return list(changes)


def publish_pending(article, *, user):
    """Put the story's pending change live, in one revision that claims the story's version.

    Raises Outdated, changing nothing, when someone changed one of its fields live since it
    was saved. A new body is read again for statements, as any edited body is.
    """
    pending = article.pending_change
    if outdated := pending.outdated_fields(article):
        raise Outdated(outdated)
    previous_body = article.body

    def put_live(story):
        pending.applied_to(story)
        if story.body != previous_body:
            suggest_for_edited(story, previous_body)
        pending.delete()

    saved_by = pending.saved_by.get_username() if pending.saved_by else "someone"
    change_story(article, put_live, user=user,
                 comment=f"Published the pending change {saved_by} saved on {localtime(pending.saved_at):%d %b %Y %H:%M}.")


def discard_pending(article):
    PendingChange.objects.filter(article=article).delete()
