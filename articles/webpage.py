"""Read a story from a web page as a browser saves it (.html, .htm).

trafilatura finds the story's title and paragraphs among the page's menus, tables and
footers, and htmldate (through it) the publication date the page's markup states. What
they leave out is read with the text rules of `storyfile` on the page's own lines, as an
editor would copy them: the breadcrumb above the title (the section), the date and source
lines printed under the title or below the story, a date without a year, the page's
address. So a page is turned into the story text it shows and read like a pasted story:

    Home > Embassy News                  breadcrumb, from the markup or the page's lines
    Ambassador Hong Attends ...          title
    (From Chinese Embassy in Singapore)  date and source lines printed around the title
    2019/11/18
    2019-11-18                           the date in the page's markup, when there is one

    paragraphs, then the date and source lines printed below the story

The source is the one the page prints, else the site's name in its markup. The canonical address (<link rel="canonical">, og:url, or the address a browser notes
when it saves a page) becomes the story's source URL when none is given.

This module imports nothing from Django.
"""

import re
from copy import deepcopy
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from htmldate import find_date
from trafilatura import bare_extraction

from .storyfile import (
    BINARY_SIGNATURES, FOOTER_START, RELATED, UTF8_BOM, StoryFormatError, breadcrumb_section, is_navigation,
    parse_story, parse_text, read_dateline, source_of,
)

# Saved pages carry their styles and scripts, sometimes their pictures: more than a story file.
MAX_PAGE_BYTES = 5_000_000
# The longest source URL the newsroom stores (Article.source_url).
MAX_ADDRESS_LENGTH = 500
# Page lines looked at under the title and below the story for date and source lines.
LINES_AROUND = 8
# Page lines looked at right above the title for a date line, when none is under it.
LINES_ABOVE = 2

HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.IGNORECASE | re.DOTALL)
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# What browsers write at the top of a saved page: <!-- saved from url=(0068)http://... -->
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
BREADCRUMB_MARKUP = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
)
# Elements whose text a reader never sees as part of the page.
HIDDEN = {"script", "style", "noscript", "template", "head", "select", "option", "textarea", "button", "svg", "iframe"}
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center",
}
TITLE_PARTS = re.compile(r"\s+[|:–—-]\s+")
# trafilatura's own markup for what it keeps: each of these is a paragraph.
EXTRACTED_BLOCKS = {"p", "head", "item", "quote", "cell", "code"}
# Where trafilatura kept a <br>, in the text of a paragraph.
LINE_BREAK = "\x00"


TEXT_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".html", ".htm")


def read_story(name: str, raw: bytes, *, source_url: str = "", date=None):
    """A story from a file's bytes: a saved web page by its name (.html, .htm) or, for
    standard input and pasted text, by its first tag; story text otherwise."""
    suffix = Path(name).suffix.lower()
    if suffix in PAGE_SUFFIXES or suffix not in TEXT_SUFFIXES and is_page(raw):
        return parse_page(raw, source_url=source_url, date=date)
    return parse_story(raw, source_url=source_url, date=date)


def is_page(raw: bytes) -> bool:
    """Whether a file's bytes are an HTML page, whatever its name says."""
    return bool(HTML_START.match(raw[:4096].removeprefix(UTF8_BOM.encode())))


def parse_page(raw: bytes, *, source_url: str = "", date=None):
    """The Story a saved web page tells; StoryFormatError when it tells none."""
    html = _decode(raw)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        raise StoryFormatError("not a web page: no HTML in it") from None
    address = source_url or canonical_address(tree, html)
    lines = page_lines(tree)
    extracted = bare_extraction(html, include_comments=False, include_tables=True)
    title = _title(tree, lines)
    if not title:
        raise StoryFormatError("no title: the page has no headline")
    title_at = _find(lines, title)
    paragraphs = _paragraphs(extracted)
    if title in paragraphs[:3]:
        # The extractor kept the headline, and whatever the page printed above it.
        paragraphs = paragraphs[paragraphs.index(title) + 1:]
    elif paragraphs and paragraphs[0].startswith(title + " "):
        # On a short page it may run the headline into the first paragraph.
        paragraphs[0] = paragraphs[0][len(title) + 1:]

    text = []
    if crumb := breadcrumb(tree, lines[:title_at] if title_at is not None else []):
        text.append(crumb)
    text.append(title)
    if title_at is not None:
        # The date and source lines the page prints between the title and the story.
        first = _find(lines, paragraphs[0], start=title_at + 1) if paragraphs else None
        under = lines[title_at + 1: min(first or len(lines), title_at + 1 + LINES_AROUND)]
        text += [line for line in under if _is_date_or_source(line)]
        if not any(read_dateline(line) for line in under):
            # Else a date line printed right above the headline: "Press release 254/2024 | 21.5.2024".
            text += [line for line in lines[max(0, title_at - LINES_ABOVE):title_at]
                     if read_dateline(line) and not is_navigation(line)]
    if stated := stated_date(tree):
        text.append(stated)
    text.append("")
    if paragraphs:
        text.append("\n\n".join(paragraphs))
        last = _find(lines, paragraphs[-1], start=title_at or 0)
        if last is not None:
            text.append("")
            text += _lines_below(lines[last + 1:])
    elif title_at is not None:
        # Nothing the extractor trusted: the page's own lines, which the text rules clean.
        text.append("\n\n".join(lines[title_at + 1:]))
    story = parse_text("\n".join(text), source_url=address, date=date)
    if not story.source and (site := _site_name(tree)):
        story = replace(story, source=site)
    return story


def _decode(raw):
    if len(raw) > MAX_PAGE_BYTES:
        raise StoryFormatError(f"too large: over {MAX_PAGE_BYTES:,} bytes, the most a saved page may have")
    for signature, kind in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise StoryFormatError(f"binary file, not a web page: it looks like {kind}")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Older ministry sites still serve GB2312, Windows-1252 and the like, and say so.
    if declared := DECLARED_CHARSET.search(raw[:4096]):
        try:
            return raw.decode(declared[1].decode("ascii"), errors="replace")
        except LookupError:
            pass
    raise StoryFormatError("not UTF-8, and the page does not say which character set it uses")


def canonical_address(tree, html: str) -> str:
    """Where the page lives: its canonical link, its og:url, or where the browser saved it from."""
    saved_from = SAVED_FROM.search(html[:2048])
    base = saved_from[1] if saved_from else ""
    for found in (
        tree.xpath("//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', 'canonical')), ' '), ' canonical ')]/@href"),
        tree.xpath("//meta[@property='og:url']/@content"),
    ):
        for href in found:
            address = urljoin(base, href.strip())
            if address.startswith(("http://", "https://")) and len(address) <= MAX_ADDRESS_LENGTH:
                return address
    return base if len(base) <= MAX_ADDRESS_LENGTH else ""


def page_lines(tree) -> list[str]:
    """The page's visible text, a line per block, as a browser would copy it."""
    body = tree.find("body")
    root = body if body is not None else tree
    parts = []
    hidden = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in HIDDEN or not tag:
                hidden += 1
            elif not hidden:
                if tag in BLOCK:
                    parts.append("\n")
                parts.append(element.text or "")
        else:
            if tag in HIDDEN or not tag:
                hidden -= 1
            elif not hidden and tag in BLOCK:
                parts.append("\n")
            if not hidden and element is not root:
                parts.append(element.tail or "")
    return [line for line in (" ".join(part.split()) for part in "".join(parts).split("\n")) if line]


def breadcrumb(tree, lines_above_title) -> str:
    """The page's breadcrumb as a line the text rules read ("Home > Media Center > Press
    Releases"), from its markup or else from the lines above the title; "" when none."""
    for element in tree.xpath(BREADCRUMB_MARKUP):
        items = element.xpath(".//li")
        crumbs = [" ".join(item.text_content().split()) for item in items] if items else []
        if not crumbs:
            crumbs = [" ".join(link.text_content().split()) for link in element.xpath(".//a")]
            trailing = (element.xpath(".//a")[-1].tail or "").strip(" >»›/\u00a0") if crumbs else ""
            if trailing:
                crumbs.append(trailing)
        crumbs = [crumb.strip(" >»›/") for crumb in crumbs if crumb.strip(" >»›/")]
        if crumbs:
            return "You are here: " + " > ".join(crumbs)
    for line in reversed(lines_above_title):
        if breadcrumb_section(line) is not None:
            return line
    return ""


def _paragraphs(extracted):
    if extracted is None or extracted.body is None:
        return []
    paragraphs = []
    for element in extracted.body.iter(*EXTRACTED_BLOCKS):
        if any(True for _ in element.iterdescendants(*EXTRACTED_BLOCKS)):
            continue  # a table cell holding paragraphs: they are read one by one
        # A run of <br> in a ministry's page separates paragraphs.
        for piece in _text_with_breaks(element).split(LINE_BREAK):
            if piece := " ".join(piece.split()):
                paragraphs.append(piece)
    return paragraphs


def _text_with_breaks(element):
    parts = [element.text or ""]
    for child in element:
        parts.append(LINE_BREAK if child.tag == "lb" else _text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _title(tree, lines):
    """The headline: the page heading its <title> or og:title agrees with, else the longest
    part of the <title> ("Embassy of India, Tokyo : Ambassador Calls on ...")."""
    stated = tree.xpath("string(//meta[@property='og:title']/@content)") or tree.xpath("string(//title)")
    stated = " ".join(stated.split())
    headings = tree.xpath(
        "//h1 | //h2 | //h3 | //*[contains(translate(@class, 'TITLE', 'title'), 'title')"
        " or contains(translate(@id, 'TITLE', 'title'), 'title')][not(self::title)]"
    )
    for heading in headings:
        text = " ".join(heading.text_content().split())
        if text and len(text) <= 300 and (not stated or text in stated or stated in text):
            return text
    if h1 := tree.xpath("//h1"):
        return " ".join(h1[0].text_content().split())
    return max(TITLE_PARTS.split(stated), key=len).strip() if stated else ""


def stated_date(tree) -> str:
    """The publication date the page's markup states (meta tags, JSON-LD, <time>), read by
    htmldate from that markup alone: not from the address, which comes after the text."""
    markup = lxml.html.document_fromstring("<html><head></head><body></body></html>")
    head, body = markup.find("head"), markup.find("body")
    for meta in tree.xpath("//meta[@content][not(@property='og:url')]"):
        head.append(deepcopy(meta))
    for element in tree.xpath("//script[@type='application/ld+json'] | //time[@datetime]"):
        copy = deepcopy(element)
        copy.tail = None
        body.append(copy)
    if not len(head) and not len(body):
        return ""
    return find_date(markup, extensive_search=False, original_date=True) or ""


def _find(lines, text, start=0):
    """Index of the page line that is `text`, or holds it, or starts it; None when absent."""
    for index in range(start, len(lines)):
        if lines[index] == text:
            return index
    head = text[:80]
    for index in range(start, len(lines)):
        line = lines[index]
        if line == text or head in line or (len(line) > 20 and text.startswith(line)):
            return index
    return None


def _is_date_or_source(line):
    return bool(source_of(line)) or read_dateline(line) is not None and not is_navigation(line)


def _lines_below(lines):
    """The date and source lines printed right below the story, up to the page's lists and footer."""
    below = []
    for line in lines[:LINES_AROUND]:
        if RELATED.match(line) or FOOTER_START.match(line):
            break
        if _is_date_or_source(line):
            below.append(line)
    return below


def _site_name(tree):
    for name in tree.xpath("//meta[@property='og:site_name']/@content | //meta[@name='application-name']/@content"):
        if name := " ".join(name.split()):
            return name
    return ""
