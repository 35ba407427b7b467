"""What search reads: each story's search document, kept current by articles/listings.py.

On PostgreSQL the document is the stored, GIN-indexed `Article.search_vector`
(ArticleQuerySet.refresh_search_vectors); on SQLite an FTS5 table holds the same three
parts of text, one row per story (rowid = the story's key).
"""

from django.db import connection

from .models import Article, Statement

# The SQLite search index: one row per story (rowid = the story's key), made by
# refresh_documents from the same text as the PostgreSQL document.
FTS_TABLE = "articles_search"


def documents(ids):
    """{pk: (title, summary and people's names, body and confirmed statements)}: the three
    parts of each story's search document, as ArticleQuerySet.refresh_search_vectors joins them."""
    names, said = {}, {}
    for pk, name in Article.people.through.objects.filter(article_id__in=ids).order_by(
        "person__name", "person_id"
    ).values_list("article_id", "person__name"):
        names.setdefault(pk, []).append(name)
    for pk, text in Statement.objects.confirmed().filter(article_id__in=ids).order_by("position").values_list(
        "article_id", "text"
    ):
        said.setdefault(pk, []).append(text)
    return {
        pk: (title, f"{summary} {' '.join(names.get(pk, []))}", f"{body} {' '.join(said.get(pk, []))}")
        for pk, title, summary, body in Article.objects.filter(pk__in=ids).values_list("pk", "title", "summary", "body")
    }


def refresh_documents(ids):
    """Store the search documents of these stories (those deleted lose theirs)."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        Article.objects.filter(pk__in=ids).refresh_search_vectors()
    elif connection.vendor == "sqlite" and ids:
        found = documents(ids)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join('%s' for _ in ids)})", ids)
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                [(pk, *parts) for pk, parts in found.items()],
            )
