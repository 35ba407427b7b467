"""Page furniture, breadcrumbs and source lines, recognised by their shape in pasted pages."""

import re
from difflib import SequenceMatcher

from .common import MAX_SOURCE_LENGTH, SENTENCE_END

BRACKETED_ITEM = re.compile(r"[【\[<〔«]\s*([^】\]>〕»]{1,40}?)\s*[】\]>〕»]")
LINK_SEPARATOR = re.compile(r"\s*(?:[|｜¦]|\s[·•]\s)\s*")
# Things a page lets you do with a story, as its links say them.
ACTION = re.compile(
    r"^(?:print(?:\s+(?:this\s+)?(?:page|article|story|version))?|printer[- ]friendly(?:\s+version)?|close(?:\s+window)?"
    r"|share(?:\s+(?:this|it|on\s+\w+)(?:\s+(?:page|article|story))?)?|e-?mail(?:\s+(?:this|it)(?:\s+(?:page|article|story))?)?"
    r"|(?:go\s+)?(?:back|return)(?:\s+to\s+(?:top|the\s+top|previous\s+page|list))?|(?:go\s+)?to\s+top|top|↑\s*top|top\s*↑"
    r"|bookmark|favou?rites?|download(?:\s+pdf)?|rss|font(?:\s+size)?|text\s+size|large|medium|small|larger|smaller|(?:a[+-]?\s*){2,}"
    r"|facebook|twitter|linkedin|whatsapp|weibo|wechat|telegram|copy\s+link"
    r"|skip\s+to\s+(?:main\s+)?content|search|menu|home|print\s*/\s*close|打印|关闭|分享|返回顶部)$",
    re.IGNORECASE,
)
FRIEND = re.compile(r"^(?P<verb>[a-z-]+)\s+(?:this\s+)?(?:to|with)\s+(?:a\s+)?friends?$", re.IGNORECASE)
LANGUAGE_NAMES = frozenset({
    "english", "eng", "en", "中文", "简体中文", "繁體中文", "简体", "繁體", "chinese", "chn", "cn", "zh", "français",
    "francais", "french", "fr", "español", "espanol", "spanish", "es", "esp", "русский", "russian", "ru", "rus",
    "العربية", "عربي", "arabic", "ar", "deutsch", "german", "de", "português", "portugues", "portuguese", "pt",
    "日本語", "japanese", "ja", "jp", "한국어", "korean", "ko", "italiano", "it", "türkçe", "tr", "bahasa",
    "bahasa indonesia", "bahasa melayu", "tiếng việt", "ไทย", "हिन्दी", "hindi", "فارسی", "اردو", "kiswahili",
})
# Where a page's footer starts: it and all below it go.
FOOTER_START = re.compile(r"^(?:copyright\b|©|\(c\)\s|all\s+rights\s+reserved)|\bICP\b.*\d", re.IGNORECASE)
# The footer's own links, dropped when they are the last lines.
FOOTER_LINK = re.compile(
    r"^(?:contact\s+us|site\s*map|privacy(?:\s+policy)?|terms\s+of\s+(?:use|service)|disclaimer|accessibility"
    r"|feedback|web\s+policy)$",
    re.IGNORECASE,
)
# The head of a list of other stories: it and all below it go.
RELATED = re.compile(
    r"^(?:related|more|latest|recommended|other|further|see\s+also|also\s+read|read\s+(?:more|also)|you\s+may\s+also\s+like)"
    r"(?:\s+(?:news|stories|articles|links|reading|items|content|posts|releases|press\s+releases|reports|information))?\s*[:：]?$",
    re.IGNORECASE,
)
# Lines of the page that describe the story rather than tell it.
META_LINE = re.compile(
    r"^[\[(【]?\s*(?:(?:responsible\s+)?editors?|author|writer|reporter|photo|photos|views|hits|clicks|visits|read|font\s+size"
    r"|text\s+size|share\s+to|share\s+on|share\s+this)\s*[:：]", re.IGNORECASE
)
# A byline or a counter the page prints with the headline: "By Press Office", "2 min read", "312 views".
BYLINE = re.compile(r"^by\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?:(?-i:[A-Z])[\w.'’-]*|and|&|of|the)){0,5}$", re.IGNORECASE)
COUNTER = re.compile(r"^\d[\d,.]*\s*(?:min(?:ute)?s?\.?\s+read|views|reads|hits)$", re.IGNORECASE)
BREADCRUMB_LEAD = re.compile(
    r"^(?:you\s+are\s+here|current\s+(?:location|position|page)|location|position|当前位置|您的位置)\s*[:：]\s*", re.IGNORECASE
)
# "Home" in the languages of the sites a newsroom reads, as breadcrumbs and menus begin.
HOME_WORDS = (r"home(?:\s*page)?|front\s?page|main(?:\s+page)?|首页|главная|inicio|início|accueil|startseite|beranda|"
              r"trang chủ|ana\s?sayfa|الرئيسية|etusivu|strona główna")
HOME_CRUMB = re.compile(rf"^(?:{HOME_WORDS})\s*(?:[>»›→/]|$)", re.IGNORECASE)
# A site's menu of links between bars, from its "Home" in any of those languages: "Accueil | Le Ministère".
SITE_MENU = re.compile(rf"^\s*(?:{HOME_WORDS})\s*[|｜]", re.IGNORECASE)
CRUMB_SEPARATOR = re.compile(r"\s*[>»›→]\s*|\s+/\s+|\s*/\s*(?=\S)")
# The arrows only: a trail without "Home" ("Media Center > Media Briefings") may be told by
# them, never by slashes, which headlines have too ("HR/VP", "Israel/Palestine").
ARROW_SEPARATOR = re.compile(r"\s*[>»›→]\s*")
LOOSE_CRUMB_SEPARATOR = re.compile(r"[>»›]")
# What kind of release a page labels a story, or its number: "Readout", "Press Release No.
# 45/2024", "Press release 412/2024", "No: 27", "MFA Press Release", "Media Releases", GOV.UK's
# "Speech" and "News story". A label, never a headline or a source.
RELEASE_LABEL = re.compile(
    r"^(?:(?-i:[A-Z]{2,6}\s+)?(?:(?:joint|press|media|news)\s+)*"
    r"(?:(?:release|statement|readout|communiqu[eé]|advisory|announcement)s?|speech(?:es)?|(?<=news\s)stor(?:y|ies))"
    r"(?:\s+(?:(?:no\.?|n[°º]|number)\s*[:.]?\s*\d+(?:[/-]\d+)?|\d+[/-]\d+))?|(?:no\.?|n[°º])\s*[:.]?\s*\d+(?:[/-]\d+)?)$",
    re.IGNORECASE,
)
# "Posted by: Consulate General of India" names the source as well.
SOURCE_LABEL = r"(?:source|from|via|(?:posted|published|issued)\s+by)"
SOURCE_LINE = re.compile(
    rf"^(?:[(（\[【]\s*{SOURCE_LABEL}\s*[:：]?\s*(?P<bracketed>[^()（）\[\]【】]+?)\s*[)）\]】]"
    rf"|{SOURCE_LABEL}\s*[:：]\s*(?P<labelled>.+?))$",
    re.IGNORECASE,
)


def is_navigation(line: str) -> bool:
    """A line of page furniture: a menu, a language bar, a print/close/share link."""
    if not line or len(line) > 200:
        return False
    if _is_action(line):
        return True
    items = [item for item in LINK_SEPARATOR.split(line) if item.strip(" :")]
    bracketed = BRACKETED_ITEM.findall(line)
    if bracketed and not BRACKETED_ITEM.sub("", line).strip(" |:·•"):
        # [Print] [Close], 【打印】【关闭】, <Suggest To A Friend>
        return all(_is_action(item) or _is_link_word(item) and len(bracketed) > 1 for item in bracketed)
    if len(items) >= 2 and all(_is_action(item) or item.casefold().strip() in LANGUAGE_NAMES for item in items):
        return True
    if len(items) >= 3 and all(_is_link_word(item) for item in items):
        return True
    words = line.replace("|", " ").split()
    # Language bars and share buttons without separators: "中文 English Français", "Share Facebook Twitter X".
    return len(words) >= 2 and all(
        word.casefold().strip(",:") in LANGUAGE_NAMES or ACTION.match(word.strip(",:")) or word in {"X", "x"}
        for word in words
    )


def _is_action(text):
    text = " ".join(text.split()).strip(" :：*»›>«<[]【】")
    if ACTION.match(text):
        return True
    if friend := FRIEND.match(text):
        verb = friend["verb"].casefold()
        return verb in {"send", "email", "e-mail", "mail", "forward", "share", "recommend", "tell"} or (
            SequenceMatcher(None, verb, "suggest").ratio() >= 0.7
        )
    return text.casefold() in {"tell a friend", "email a friend", "e-mail a friend"}


def _is_link_word(item):
    item = item.strip()
    words = item.split()
    return 0 < len(words) <= 5 and len(item) <= 40 and not re.search(r"[.,;!?。]$", item) and not item[:1].isdigit()


def source_of(line: str) -> str:
    """The source a line names ("Source: Embassy of India, Tokyo", "(From Chinese Embassy
    in Singapore)"), or ""."""
    match = SOURCE_LINE.match(line)
    if not match:
        return ""
    source = (match["bracketed"] or match["labelled"]).strip(" .")
    return source if 0 < len(source.split()) <= 12 and len(source) <= MAX_SOURCE_LENGTH else ""


def breadcrumb_section(line: str, title: str = "") -> str | None:
    """The section a breadcrumb line files the story under ("" for "Home" alone), or None
    when the line is no breadcrumb."""
    lead = BREADCRUMB_LEAD.match(line)
    rest = line[lead.end():] if lead else line
    if not (lead or HOME_CRUMB.match(rest)):
        return None
    crumbs = [crumb.strip() for crumb in CRUMB_SEPARATOR.split(rest) if crumb.strip()]
    if crumbs and SENTENCE_END.search(crumbs[-1]) and not lead:
        return None  # a sentence that happens to start with "Home >"
    if len(crumbs) > 1 and title and _same_as_title(crumbs[-1], title):
        crumbs.pop()
    if not crumbs or len(crumbs) == 1 and HOME_CRUMB.match(crumbs[0]):
        return ""
    return crumbs[-1]


def is_arrow_trail(line):
    """Two or more link words joined by arrows: a breadcrumb whose "Home" the page left out, or
    a headline ("Talks > Expectations"), as the lines around it tell."""
    crumbs = ARROW_SEPARATOR.split(line)
    return len(crumbs) >= 2 and all(_is_link_word(crumb) for crumb in crumbs)


def _same_as_title(crumb, title):
    crumb, title = crumb.casefold(), title.casefold()
    stem = crumb.rstrip(".…").rstrip()
    # The title itself, or shortened: "Foreign Minister Meets…", "Consulate General Hosts Reception".
    return crumb == title or title.startswith(stem) and (crumb != stem or len(stem.split()) >= 3)


def is_furniture(line):
    """Any line of the page that is not the story's: furniture, bylines and counters, footer links."""
    return is_navigation(line) or bool(META_LINE.match(line) or FOOTER_LINK.match(line) or BYLINE.match(line)
                                       or COUNTER.match(line))
