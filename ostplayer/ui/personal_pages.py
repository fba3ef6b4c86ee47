"""The user's own part of a song page (the heart, the stars and the notes) and of a drama
page (the notes), and the smart lists (Favourites, Recently played, …) as pages with a
Play all."""

from __future__ import annotations

import time
from collections.abc import Sequence

from ..domain.models import Catalog, Song
from .i18n import fill, tr
from .pages import action, esc, link, page

STARS = 5


def _tr(text: str) -> str:
    return tr("Pages", text)


def personal_section(song: Song, row: dict | None) -> str:
    row = row or {}
    favourite = bool(row.get("favourite"))
    heart = action(
        "favourite", song.id, _tr("♥ Favourite") if favourite else _tr("♡ Add to favourites")
    )
    rating = row.get("rating") if isinstance(row.get("rating"), int) else 0
    stars = " ".join(
        action(f"rate{n}", song.id, "★" if n <= rating else "☆") for n in range(1, STARS + 1)
    )
    clear = f" {action('rate0', song.id, _tr('clear'))}" if rating else ""
    parts = [f'<p class="meta">{heart} · {fill(_tr("Rating: %1"), stars + clear)}</p>']
    notes = row.get("notes") if isinstance(row.get("notes"), str) else ""
    parts.append(notes_section("notes", song.id, notes))
    return "".join(parts)


def drama_notes_section(drama_id: str, notes: str) -> str:
    return notes_section("drama-notes", drama_id, notes)


def notes_section(name: str, ident: str, notes: str) -> str:
    """ "My notes" as written, and the link that edits them (the action ``name``)."""
    parts = []
    if notes:
        # Kept as written: line breaks and spacing are the user's.
        text = "<br>".join(esc(line).replace("  ", "&nbsp; ") for line in notes.splitlines())
        parts.append(f"<h2>{_tr('My notes')}</h2><p>{text}</p>")
    parts.append(f'<p class="meta">{action(name, ident, _tr("Edit my notes…"))}</p>')
    return "".join(parts)


SMART_LISTS = {
    "favourites": "Favourites",
    "recent": "Recently played",
    "most": "Most played",
    "never": "Never played",
    "added": "Recently added",
}


def smart_list_page(catalog: Catalog, key: str, songs: Sequence[Song], detail: dict) -> str:
    title = _tr(SMART_LISTS[key])
    parts = [f'<p class="meta">{_tr("Smart list")}</p><h1>{esc(title)}</h1>']
    others = " · ".join(link("smart", k, _tr(v)) for k, v in SMART_LISTS.items() if k != key)
    parts.append(f'<p class="meta">{others}</p>')
    if not songs:
        parts.append(f"<p>{_tr('No songs here yet.')}</p>")
        return page("".join(parts))
    play_all = fill(_tr("▶ Play all %1"), f"{len(songs):,}")
    parts.append(f"<p>{action('play-list', key, play_all)}</p><p>")
    rows = []
    for n, song in enumerate(songs, start=1):
        extra = detail.get(song.id, "")
        rows.append(
            f"{n}. {link('song', song.id, song.title)}"
            f' <span class="meta">— {esc(catalog.performer_names(song))}'
            f"{' · ' + esc(extra) if extra else ''}</span>"
        )
    parts.append("<br>".join(rows) + "</p>")
    return page("".join(parts))


def when(at: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at)) if at else ""
