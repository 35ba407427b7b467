"""Keep what readers' pages are read from current whenever the ORM changes a story.

A story's search document, its lines in the public lists and the monthly tallies
(articles/listings.py) are built from several tables, so they are kept from Python by
signals rather than by a trigger on each table. `QuerySet.update()` and bulk inserts send no
signals: code that writes that way calls `changed()` itself.

An import or an admin save changes one story several times over (the story, its people,
each statement); inside `changes_deferred()` the stories are collected and each is
refreshed once, at the end, inside the same transaction when the block is.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from . import listings, pagecache
from .models import Article, Correction, Country, Person, Statement, TaggedArticle

_deferred = threading.local()


@contextmanager
def changes_deferred():
    if getattr(_deferred, "pending", None) is not None:
        yield  # an outer block refreshes
        return
    _deferred.pending = pending = (set(), set())
    try:
        yield
    finally:
        _deferred.pending = None
    article_ids, cells = pending
    listings.recount(cells | listings.refresh(article_ids))


def changed(article_ids=(), cells=()):
    """These stories changed (and these tally cells lost one): refresh what readers see."""
    pagecache.purge_after_commit()
    # A story being deleted loses its statements and links first: nothing to refresh then.
    article_ids = set(article_ids) - getattr(_deferred, "deleting", {}).keys()
    pending = getattr(_deferred, "pending", None)
    if pending is not None:
        pending[0].update(article_ids)
        pending[1].update(cells)
    else:
        listings.recount(set(cells) | listings.refresh(article_ids))


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Correction)
def article_saved(sender, instance, **kwargs):
    changed({instance.pk if sender is Article else instance.article_id})


@receiver(pre_delete, sender=Article)
def article_deleting(sender, instance, **kwargs):
    # Its lines go with it (on delete cascade): note first where it was counted.
    if not hasattr(_deferred, "deleting"):
        _deferred.deleting = {}
    _deferred.deleting[instance.pk] = listings.cells_of([instance.pk])


@receiver(post_delete, sender=Article)
def article_deleted(sender, instance, **kwargs):
    # Refreshing a story that is gone takes it out of what remains (the search index).
    cells = _deferred.deleting.pop(instance.pk)
    changed({instance.pk}, cells)


@receiver(post_save, sender=Statement)
def statement_saved(sender, instance, **kwargs):
    if instance.review == Statement.Review.CONFIRMED:
        # An editor who confirms what someone said has checked who they are.
        Person.objects.filter(pk=instance.speaker_id).mark_checked()
    changed({instance.article_id})


@receiver(post_delete, sender=Statement)
def statement_deleted(sender, instance, **kwargs):
    changed({instance.article_id})


@receiver(post_delete, sender=TaggedArticle)
def tag_link_deleted(sender, instance, **kwargs):
    changed({instance.content_object_id})


@receiver(m2m_changed, sender=Article.people.through)
@receiver(m2m_changed, sender=Article.countries.through)
@receiver(m2m_changed, sender=TaggedArticle)
def story_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        changed({instance.pk})
    # From the person's or country's side `pk_set` holds stories; after a clear it is empty,
    # so the stories are read before.
    elif reverse and action in {"post_add", "post_remove"}:
        changed(pk_set)
    elif reverse and action == "pre_clear" and hasattr(instance, "story_ids"):
        changed(instance.story_ids())


@receiver(m2m_changed, sender=Statement.countries.through)
def statement_countries_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        changed({instance.article_id})
    elif pk_set:
        changed(set(Statement.objects.filter(pk__in=pk_set).values_list("article_id", flat=True)))


@receiver(post_save, sender=Person)
def person_saved(sender, instance, created, **kwargs):
    # The name is in the search documents of the stories naming the person, the country in
    # the lists of what their country said, and whether an editor checked them decides
    # whether they are in any list. Nothing to do when none of these changed.
    if created or getattr(instance, "loaded_values", None) == instance.reader_values():
        return
    instance.loaded_values = instance.reader_values()
    changed(instance.story_ids())


@receiver(pre_delete, sender=Person)
@receiver(pre_delete, sender=Country)
def listed_thing_deleted(sender, instance, **kwargs):
    changed(instance.story_ids())


# What readers see is made of these apps' rows: any change to them, whatever it is, starts a
# new generation of the page cache once it commits. The reader listings are left out: they
# change only with the rows they are made from.
READER_APPS = {"articles", "taggit"}


def shown_to_readers(model):
    from .models import FirstTally, Listing, PendingChange, RevisionSource, StatementAbout, Tally

    # A pending change is the desk's until it is published, which saves the story itself.
    return model._meta.app_label in READER_APPS and model not in {
        Listing, StatementAbout, Tally, FirstTally, RevisionSource, PendingChange,
    }


@receiver(post_save)
@receiver(post_delete)
def row_changed(sender, using, **kwargs):
    if shown_to_readers(sender):
        pagecache.purge_after_commit(using)


@receiver(m2m_changed)
def links_changed(sender, action, using, **kwargs):
    if action.startswith("post_") and shown_to_readers(sender):
        pagecache.purge_after_commit(using)
