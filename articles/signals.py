"""Keep each story's stored search document current when anything in it changes.

Signals rather than database triggers: the document is built from four tables, and the
ORM is the only writer (admin, import, fixtures). `QuerySet.update()` sends no signals,
so code that bulk-updates titles, bodies or statements calls
`Article.objects.filter(...).refresh_search_vectors()` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Article, Person, Statement


@receiver(post_save, sender=Article)
def article_saved(sender, instance, using, **kwargs):
    Article.objects.using(using).filter(pk=instance.pk).refresh_search_vectors()


@receiver(post_save, sender=Statement)
@receiver(post_delete, sender=Statement)
def statement_changed(sender, instance, using, **kwargs):
    Article.objects.using(using).filter(pk=instance.article_id).refresh_search_vectors()


@receiver(m2m_changed, sender=Article.people.through)
def people_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        # Changed from the person's side: `pk_set` holds articles (None after a clear).
        articles = Article.objects.filter(pk__in=pk_set) if pk_set else Article.objects.none()
    else:
        articles = Article.objects.filter(pk=instance.pk)
    articles.using(using).refresh_search_vectors()


@receiver(post_save, sender=Person)
def person_saved(sender, instance, using, created, **kwargs):
    if not created:
        Article.objects.using(using).filter(people=instance).refresh_search_vectors()
