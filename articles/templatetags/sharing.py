from urllib.parse import quote, urlencode

from django import template

register = template.Library()


@register.simple_tag
def mailto(subject, body):
    """A `mailto:` URL with no recipient, so the reader's mail program asks whom to send it to.

    Everything is percent-encoded (spaces as %20, never "+", which mail programs print
    literally), including the slashes and colon of a URL in the body.
    """
    return "mailto:?" + urlencode({"subject": subject, "body": body}, quote_via=quote, safe="")


def _with(base, **params):
    return f"{base}?{urlencode(params, quote_via=quote, safe='')}"


@register.simple_tag
def share_links(title, url):
    """[(service, address)]: the services' own share pages, plain links that load nothing of
    theirs until the reader follows one."""
    return [
        ("Email", mailto(title, url)),
        ("X", _with("https://x.com/intent/post", text=title, url=url)),
        ("Facebook", _with("https://www.facebook.com/sharer/sharer.php", u=url)),
        ("LinkedIn", _with("https://www.linkedin.com/sharing/share-offsite/", url=url)),
        ("WhatsApp", _with("https://wa.me/", text=f"{title} {url}")),
        ("Weibo", _with("https://service.weibo.com/share/share.php", url=url, title=title)),
    ]
