"""A story's formatted body: the HTML the desk's editor writes, made safe, and the plain text
every other part of the site reads from it. Plain Python.

The plain text is the story's one canonical form (canonical_body): each block's text
(a paragraph, subheading, list item or quote), line ends in the markup read as spaces,
the blocks one blank line apart. So a statement's offsets into it fall inside one block, and
marked() can find them in the HTML again.
"""

import re
from html import escape
from html.parser import HTMLParser

import nh3

TAGS = {"p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "br"}
ATTRIBUTES = {"a": {"href"}}
# No javascript: or data: links; relative links to the site itself stay.
URL_SCHEMES = {"http", "https", "mailto"}
# Each of these starts and ends a block of text; only their text is a paragraph.
BOUNDARIES = {"p", "h2", "h3", "blockquote", "ul", "ol", "li"}
# Line ends in the markup are spaces; other spaces are kept as typed, one for one, so that
# a plain body's offsets count the same in its formatted version (text_of(from_text(body)) == body).
LINE_END = re.compile(r"[\n\r\f]")
MARKUP = re.compile(r"</?(?:p|h2|h3|blockquote|ul|ol|li|br|strong|em|a)(?:\s[^<>]*)?/?>", re.IGNORECASE)


PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\r]*\n")


def canonical_body(text):
    """A story's one form, which every offset into it counts in: its paragraphs, trimmed,
    separated by one blank line, with LF line ends (browsers send CRLF)."""
    text = text.replace("\r\n", "\n")
    return "\n\n".join(paragraph.strip() for paragraph in PARAGRAPH_BREAK.split(text) if paragraph.strip())


def sanitized(html):
    """`html` with only the allowed tags and attributes: scripts and styles go with their
    content, links to other sites get rel="noopener noreferrer nofollow"."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style"}, link_rel="noopener noreferrer nofollow",
    ).strip()


def from_text(text):
    """Plain paragraphs (canonical, blank-line separated) as HTML: one <p> each, a line
    break within one a <br>."""
    return "".join(
        f"<p>{escape(paragraph, quote=False).replace(chr(10), '<br>')}</p>"
        for paragraph in text.split("\n\n") if paragraph
    )


def formatted(value):
    """What the body field receives, sanitised. Text without any markup, from a browser
    without scripts or a plain-text paste, is read as paragraphs separated by blank lines."""
    if MARKUP.search(value):
        return sanitized(value)
    return from_text(canonical_body(value))


def text_of(html):
    """The canonical plain text of sanitised `html`: its blocks' text, one blank line apart."""
    return "\n\n".join(_Blocks(html).paragraphs)


def marked(html, marks):
    """`html`, sanitised again (a row written around save() is no exception), with each
    paragraph's block given the id "p<number>" (counting from 1) and `marks` wrapped around
    text. `marks` is {paragraph index: [(start, end, mark)]}, offsets into that paragraph's
    text, not overlapping; mark(first, last) returns the (opening, closing) markup for one
    piece of the span, saying whether it is its first or last. A span broken by tags is
    wrapped piece by piece, so no tag is ever split. Text is escaped here: nothing but the
    sanitiser's tags and the marks' markup reaches the page."""
    blocks = _Blocks(sanitized(html))
    output = []
    for item in blocks.items:
        if item[0] == "tag":
            _, name, attrs, block = item
            if block is not None and blocks.numbers.get(block) is not None:
                attrs = [*attrs, ("id", f"p{blocks.numbers[block] + 1}")]
            output.append(f"<{name}{_attributes(attrs)}>")
        elif item[0] == "end":
            output.append(f"</{item[1]}>")
        else:
            _, text, block, at = item
            output.append(_marked_text(text, at, marks.get(blocks.numbers.get(block), [])))
    return "".join(output)


def _attributes(attrs):
    return "".join(f' {key}="{escape(value or "")}"' for key, value in attrs)


def _marked_text(text, at, spans):
    pieces, cursor = [], at
    for start, end, mark in spans:
        begin, finish = max(start, cursor), min(end, at + len(text))
        if begin >= finish:
            continue
        opening, closing = mark(begin == start, finish == end)
        pieces += [escape(text[cursor - at:begin - at], quote=False), opening,
                   escape(text[begin - at:finish - at], quote=False), closing]
        cursor = finish
    pieces.append(escape(text[cursor - at:], quote=False))
    return "".join(pieces)


class _Blocks(HTMLParser):
    """Sanitised HTML as items in document order: ("tag", name, attrs, block it opens or
    None), ("end", name) and ("text", text, block, offset in the block's text), the text with
    line ends as spaces, trimmed at the block's ends. `paragraphs` holds each non-empty
    block's text; `numbers` maps a block to its paragraph's index."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.items, self.paragraphs, self.numbers = [], [], {}
        self.block, self.blocks, self.opener = None, 0, None
        self.feed(html)
        self.close()
        self.end_block()

    def handle_starttag(self, name, attrs):
        if name in BOUNDARIES:
            self.end_block()
            self.items.append(["tag", name, attrs, None])
            self.opener = self.items[-1]
        elif name == "br":
            self.items.append(["tag", name, attrs, None])
            self.add_text("\n")
        else:
            self.items.append(["tag", name, attrs, None])

    def handle_startendtag(self, name, attrs):
        self.handle_starttag(name, attrs)

    def handle_endtag(self, name):
        if name in BOUNDARIES:
            self.end_block()
        if name != "br":
            self.items.append(["end", name])

    def handle_data(self, data):
        self.add_text(LINE_END.sub(" ", data))

    def add_text(self, text):
        if self.block is None:
            if not text.strip():
                self.items.append(["text", text, None, 0])
                return
            self.block, self.texts = self.blocks, []
            self.blocks += 1
            if self.opener is not None:
                self.opener[3] = self.block
        so_far = "".join(item[1] for item in self.texts)
        if text == "\n":
            # A line break ends a line, never a paragraph: none at the start, none twice.
            text = "\n" if so_far and not so_far.rstrip(" ").endswith("\n") else ""
        elif not so_far:
            text = text.lstrip(" ")
        item = ["text", text, self.block, len(so_far)]
        self.items.append(item)
        self.texts.append(item)

    def trim_end(self):
        """Spaces and line breaks ending the block's text so far are not part of it."""
        for item in reversed(self.texts):
            item[1] = item[1].rstrip(" \n")
            if item[1]:
                break

    def end_block(self):
        self.opener = None
        if self.block is None:
            return
        self.trim_end()
        text = "".join(item[1] for item in self.texts)
        if text:
            self.numbers[self.block] = len(self.paragraphs)
            self.paragraphs.append(text)
        self.block = None
