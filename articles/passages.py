"""A story's paragraphs with the passages its statements were found in marked.

Plain Python. Offsets count in the story's one canonical form (bodies.canonical_body:
paragraphs one blank line apart), as extraction recorded them.
"""

from typing import NamedTuple


class Passage(NamedTuple):
    text: str
    statement: object = None  # whose words these are; None for the story's own


def marked_paragraphs(body, statements):
    """[[Passage]], one list per paragraph of the canonical `body`: each statement's span
    (`start`, `end`) is a passage of its own where it lies within one paragraph and does not
    overlap a span marked before it; typed statements, with no span, mark nothing."""
    spans = sorted(
        (statement for statement in statements
         if statement.start is not None and statement.end is not None and statement.start < statement.end <= len(body)),
        key=lambda statement: (statement.start, statement.end),
    )
    paragraphs, start = [], 0
    for text in body.split("\n\n"):
        end = start + len(text)
        passages, at = [], start
        for statement in spans:
            if at <= statement.start and statement.end <= end:
                if statement.start > at:
                    passages.append(Passage(body[at:statement.start]))
                passages.append(Passage(body[statement.start:statement.end], statement))
                at = statement.end
        if at < end:
            passages.append(Passage(body[at:end]))
        paragraphs.append(passages)
        start = end + 2
    return paragraphs
