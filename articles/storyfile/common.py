"""What the story format's modules share: its error, the newsroom's limits, sentence ends."""

import re

# The longest headline, section and source name the newsroom stores (Article.title,
# Section.name, Article.source_name).
MAX_TITLE_LENGTH = 300
MAX_SECTION_LENGTH = 100
MAX_SOURCE_LENGTH = 200

SENTENCE_END = re.compile(r"[.!?。！？]['\"”’)]*$")
# An abbreviation ending a short line is no sentence: "Co.", "Ltd.", "Jr.".
ABBREVIATION_END = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.$")
DIGIT = re.compile(r"\d")


class StoryFormatError(ValueError):
    """A story file that cannot be imported; the message is meant for an editor."""
