"""Showing text that comes from files, tags and catalogs as the plain text it is.

Qt guesses: a message box or a tooltip whose text looks like HTML is rendered as HTML, so a
song titled ``<img src=/etc/x>`` would load a picture and a file named ``<b>a</b>.mp3``
would show up bold. :func:`as_html` turns any text into HTML that shows exactly that text,
for the places (tooltips, QMessageBox's static functions) that take no text format.
"""

from __future__ import annotations

import html

__all__ = ["as_html"]


def as_html(text: str) -> str:
    """HTML showing ``text`` literally, line breaks kept; "" for no text (no empty tooltip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
