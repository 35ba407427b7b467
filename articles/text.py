"""Text from outside, made fit to store and to publish. Plain Python.

What is removed: the C0 and C1 control characters except tab, newline and carriage
return (XML feeds cannot carry them, and PostgreSQL refuses NUL), the two
noncharacters XML forbids (U+FFFE, U+FFFF) and lone surrogates, which no encoding can
write. Story files are cleaned the same way by the story format itself.
"""

import re

UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def fit_to_store(text):
    return UNFIT.sub("", text)
