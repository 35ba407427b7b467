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
