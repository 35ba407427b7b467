"""Keep each story's stored search document current when anything in it changes.

Signals rather than database triggers: the document is built from four tables, and the
ORM is the only writer (admin, import, fixtures). `QuerySet.update()` sends no signals,
so code that bulk-updates titles, bodies or statements calls
`Article.objects.filter(...).refresh_search_vectors()` itself.

An import or an admin save changes one story several times over (the story, its people,
each statement); inside `search_refresh_deferred()` the stories are collected and each is
refreshed once, at the end.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Article, Person, Statement

_deferred = threading.local()


@contextmanager
def search_refresh_deferred():
    if getattr(_deferred, "article_ids", None) is not None:
        yield  # an outer block refreshes
        return
    _deferred.article_ids = set()
    try:
        yield
        article_ids = _deferred.article_ids
    finally:
        _deferred.article_ids = None
    Article.objects.filter(pk__in=article_ids).refresh_search_vectors()


def refresh_search(article_ids, using):
    if getattr(_deferred, "article_ids", None) is not None:
        _deferred.article_ids.update(article_ids)
    else:
        Article.objects.using(using).filter(pk__in=article_ids).refresh_search_vectors()


@receiver(post_save, sender=Article)
def article_saved(sender, instance, using, **kwargs):
    refresh_search({instance.pk}, using)


@receiver(post_save, sender=Statement)
@receiver(post_delete, sender=Statement)
def statement_changed(sender, instance, using, **kwargs):
    refresh_search({instance.article_id}, using)


@receiver(m2m_changed, sender=Article.people.through)
def people_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    # From the person's side `pk_set` holds articles (None after a clear).
    refresh_search((pk_set or set()) if reverse else {instance.pk}, using)


@receiver(post_save, sender=Person)
def person_saved(sender, instance, using, created, **kwargs):
    if not created:
        refresh_search(set(Article.objects.using(using).filter(people=instance).values_list("pk", flat=True)), using)
