"""PostgreSQL's search documents for many stories at once, assembled in Python.

`to_tsvector` parses and stems every word of every story: for a generated archive of a
million stories that is most of the time it takes to build. Generated stories repeat a few
thousand distinct words, so the database reads each distinct word once (`ts_debug`), and
each story's document is put together here, with PostgreSQL's rules: every token the
configuration indexes takes a position (stop words too, though they leave no lexeme),
positions stop at 16,383 and a lexeme keeps at most 256, `setweight` marks them, and `||`
shifts the right document's positions past the left one's last.

A test checks the result against `ArticleQuerySet.refresh_search_vectors()`, word for word.
"""

from django.db import connection

from .models import SEARCH_CONFIG

MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256


class DocumentBuilder:
    def __init__(self, config=SEARCH_CONFIG):
        self.config = config
        # A whitespace-separated chunk of text: the lexemes of each indexed token in it, in
        # order ([] for a stop word). Whitespace always separates tokens, so a chunk reads
        # the same wherever it stands.
        self.chunks = {}

    def learn(self, texts):
        """Have the database read the chunks of `texts` not seen before: one query."""
        unknown = {chunk for text in texts for chunk in text.split()} - self.chunks.keys()
        if not unknown:
            return
        unknown = sorted(unknown)
        tokens = {number: [] for number in range(1, len(unknown) + 1)}
        with connection.cursor() as cursor:
            cursor.execute(
                # ts_debug gives what the first dictionary made of a word; a word unaccent took the
                # accents off (SEARCH_CONFIG, migration 0022) goes on to be stemmed, as in to_tsvector.
                "SELECT chunk.number, CASE WHEN token.dictionary::text = 'unaccent' "
                "THEN ts_lexize('english_stem', token.lexemes[1]) ELSE token.lexemes END "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS chunk(text, number), "
                "LATERAL ts_debug(%s::regconfig, chunk.text) WITH ORDINALITY "
                "AS token(alias, description, token, dictionaries, dictionary, lexemes, position) "
                "WHERE token.lexemes IS NOT NULL ORDER BY chunk.number, token.position",
                [unknown, self.config],
            )
            for number, lexemes in cursor.fetchall():
                tokens[number].append(lexemes)
        self.chunks.update(
            (chunk, tuple(tuple(lexemes) for lexemes in tokens[number])) for number, chunk in enumerate(unknown, start=1)
        )

    def positions(self, text):
        """{lexeme: [positions]} of `text`, as to_tsvector gives them (each position once, in order)."""
        found, position, chunks = {}, 0, self.chunks
        for chunk in text.split():
            for lexemes in chunks[chunk]:
                position += 1
                for lexeme in lexemes:
                    if lexeme in found:
                        found[lexeme].append(position)
                    else:
                        found[lexeme] = [position]
        if position > MAX_POSITION:
            found = {lexeme: sorted({min(p, MAX_POSITION) for p in positions}) for lexeme, positions in found.items()}
        return found

    def document(self, parts):
        """The text form of `setweight(to_tsvector(part), weight) || ...` for (text, weight) parts."""
        merged, offset = {}, 0
        for text, weight in parts:
            highest = 0
            suffix = "" if weight == "D" else weight
            for lexeme, positions in self.positions(text).items():
                # A lexeme keeps its first 256 positions, shifted past the parts before.
                kept = positions[:MAX_POSITIONS_PER_LEXEME]
                if kept[-1] > highest:
                    highest = kept[-1]
                entry = merged.get(lexeme)
                if entry is None:
                    merged[lexeme] = entry = [0, []]
                room = MAX_POSITIONS_PER_LEXEME - entry[0]
                if room <= 0:
                    continue
                kept = kept[:room]
                entry[0] += len(kept)
                shifted = kept if not offset else [min(position + offset, MAX_POSITION) for position in kept]
                entry[1].append(f"{suffix},".join(map(str, shifted)) + suffix)
            offset += highest
        return " ".join(
            "'{}':{}".format(lexeme.replace("\\", "\\\\").replace("'", "''"), ",".join(runs))
            for lexeme, (_, runs) in merged.items()
        )
