"""System checks of our own: what `manage.py check --deploy` must refuse for production."""

from django.conf import settings
from django.core.checks import Error, Tags, register

CSP_MIDDLEWARE = "csp.middleware.CSPMiddleware"
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'")


@register(Tags.security, deploy=True)
def content_security_policy(app_configs, **kwargs):
    """A production site without an enforced Content-Security-Policy, or with one that lets
    injected script or style run, is refused."""
    directives = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get("DIRECTIVES") or {}
    errors = []
    if CSP_MIDDLEWARE not in settings.MIDDLEWARE or not directives:
        errors.append(Error(
            "No Content-Security-Policy is sent.",
            hint=f"Put {CSP_MIDDLEWARE} in MIDDLEWARE and the policy in CONTENT_SECURITY_POLICY.",
            id="newsroom.E001",
        ))
    elif not directives.get("default-src"):
        errors.append(Error(
            "The Content-Security-Policy has no default-src: whatever it does not name is allowed.",
            hint="Start from default-src 'none'.",
            id="newsroom.E002",
        ))
    for name, sources in directives.items():
        unsafe = [source for source in sources or () if source in UNSAFE] if isinstance(sources, (list, tuple)) else []
        if unsafe:
            errors.append(Error(
                f"The Content-Security-Policy allows {', '.join(unsafe)} in {name}.",
                hint="Move inline script and style to files; give a script that must stay inline a nonce.",
                id="newsroom.E003",
            ))
    return errors
