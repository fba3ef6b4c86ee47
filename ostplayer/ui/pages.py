"""The reading pages (feature, drama, song, group) as rich text for a QTextBrowser.

Every piece of library text goes through ``esc``: a catalog is data from strangers, so
``<img src=...>`` in a title must show as those characters and load nothing. Only links this
module builds itself use the ``ost:`` scheme, which the page view handles in-app.
"""

from __future__ import annotations

import html
import os
import time
from dataclasses import dataclass
from urllib.parse import quote

from ..domain.grouping import OTHER_MUSIC, UNLISTED, Group, Grouping
from ..domain.models import Catalog, Drama, Feature, Song
from .i18n import fill, tr, tr_count


def _tr(text: str) -> str:
    return tr("Pages", text)


# Colours are not here: they are the page view's default style sheet, light or dark
# (ui/theme.py page_css), so a page follows the appearance without being rebuilt differently.
STYLE = """
<style>
body { font-family: 'Noto Serif', 'DejaVu Serif', 'NanumMyeongjo', serif; font-size: 15px; }
h1 { font-size: 28px; font-weight: 600; margin-bottom: 2px; }
h2 { font-size: 13px; font-weight: 700; margin-top: 22px;
     text-transform: uppercase; letter-spacing: 1px; }
.sub { font-size: 18px; font-style: italic; }
.meta { font-family: sans-serif; font-size: 13px; }
.verse { font-style: italic; font-size: 17px; margin-left: 24px; line-height: 150%; }
.cardtitle { font-size: 18px; font-weight: 600; }
.warn { font-family: sans-serif; font-size: 13px; }
.audio { font-family: sans-serif; font-size: 13px; }
a { text-decoration: none; }
p { line-height: 145%; }
</style>
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def shown_path(path: str | None) -> str:
    """A file's path as the user knows it: ``~/Music/…`` for files in their home folder."""
    path = path or ""
    home = os.path.expanduser("~").rstrip(os.sep)
    if home and home != "~" and path.startswith(home + os.sep):
        return "~" + path[len(home) :]
    return path


def link(kind: str, ident: str, label: str) -> str:
    return f'<a href="ost:{kind}/{esc(quote(ident, safe=""))}">{esc(label)}</a>'


def action(name: str, song_id: str, label: str) -> str:
    return link(f"action/{name}", song_id, label)


def verse(text: str) -> str:
    lines = [esc(line) for line in text.splitlines()]
    return f'<p class="verse">{"<br>".join(lines)}</p>'


def edit_line(kind: str, ident: str) -> str:
    """Edit, Merge and Delete for the entry a page shows (handled by ui.edit_ui)."""
    links = (
        action(f"edit-{kind}", ident, _tr("Edit…")),
        action(f"merge-{kind}", ident, _tr("Merge into…")),
        action(f"delete-{kind}", ident, _tr("Delete…")),
    )
    return f'<p class="meta">{" · ".join(links)}</p>'


def page(body: str) -> str:
    return f"<html><head>{STYLE}</head><body>{body}</body></html>"


def drama_line(catalog: Catalog, drama: Drama | None) -> str:
    if drama is None:
        return ""
    year = f" ({drama.year})" if drama.year else ""
    return f"{link('drama', drama.id, drama.title)}{year}"


def feature_page(catalog: Catalog, feature: Feature) -> str:
    parts = [
        f"<h1>{esc(feature.title)}</h1>",
        f'<p class="sub">{esc(feature.subtitle)}</p>' if feature.subtitle else "",
        f"<p>{esc(feature.introduction)}</p>" if feature.introduction else "",
        '<table width="100%" cellspacing="10" cellpadding="12">',
    ]
    for n, song_id in enumerate(feature.songs, start=1):
        song = catalog.songs.get(song_id)
        if song is None:
            continue
        drama = catalog.dramas.get(song.drama)
        first_line = song.lyrics_excerpt.splitlines()[0] if song.lyrics_excerpt else ""
        parts.append(
            '<tr><td class="card">'
            f'<span class="meta">{n:02d}</span> '
            f'<span class="cardtitle">{link("song", song.id, song.title)}</span><br>'
            '<span class="meta">'
            + fill(
                _tr("%1 · from %2"), esc(catalog.performer_names(song)), drama_line(catalog, drama)
            )
            + "</span>"
            + (f"<br><i>“{esc(first_line)}”</i>" if first_line else "")
            + "</td></tr>"
        )
    parts.append("</table>")
    if feature.source:
        parts.append(f'<p class="meta">{esc(feature.source)}</p>')
    return page("".join(parts))


def drama_page(catalog: Catalog, drama: Drama, notes: str | None = None) -> str:
    """``notes``: the user's notes on the drama ("" for none yet); None leaves out the
    notes and their Edit link."""
    parts = [f"<h1>{esc(drama.title)}</h1>"]
    meta = [str(drama.year)] if drama.year else []
    if drama.title_original:
        meta.insert(0, esc(drama.title_original))
    if drama.network:
        meta.append(esc(drama.network))
    if drama.episodes:
        meta.append(tr_count("Pages", drama.episodes, "%n episode", "%n episodes"))
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if notes is not None:
        from .personal_pages import drama_notes_section  # it builds on this module's helpers

        parts.append(drama_notes_section(drama.id, notes))
    if drama.cast:
        parts.append(f"<h2>{_tr('Cast')}</h2><p>")
        rows = []
        for member in drama.cast:
            actor = link("person", member.actor, catalog.person_name(member.actor))
            rows.append(
                fill(_tr("%1 as %2"), actor, esc(member.character)) if member.character else actor
            )
        parts.append("<br>".join(rows) + "</p>")
    songs = catalog.songs_of_drama(drama.id)
    count = tr_count("Pages", len(songs), "%n song", "%n songs")
    parts.append(f"<h2>{fill(_tr('Soundtrack · %1'), count)}</h2><p>")
    parts.append(
        "<br>".join(
            f"{n}. {link('song', song.id, song.title)}"
            f' <span class="meta">— {esc(catalog.performer_names(song))}</span>'
            for n, song in enumerate(songs, start=1)
        )
        + "</p>"
    )
    parts.append(edit_line("drama", drama.id))
    return page("".join(parts))


@dataclass(frozen=True, slots=True)
class SongExtras:
    """What the song page shows beyond the catalog: the user's own data about the song."""

    audio_path: str | None = None
    audio_state: str = "none"  # "none", "linked", "missing"
    play_count: int = 0
    last_played: float | None = None
    playback_available: bool = True
    lyrics_source: str = ""
    revealed: bool = False  # spoiler scene notes shown
    personal: dict | None = None  # the song's personal row: favourite, rating, notes


def song_page(catalog: Catalog, song: Song, extras: SongExtras) -> str:
    drama = catalog.dramas.get(song.drama)
    parts = [f"<h1>{esc(song.title)}</h1>"]
    if song.title_original:
        parts.append(f'<p class="sub">{esc(song.title_original)}</p>')
    parts.append(
        '<p class="meta">'
        + fill(
            _tr("by %1 · from %2"), esc(catalog.performer_names(song)), drama_line(catalog, drama)
        )
        + "</p>"
    )
    if song.sung_by_cast and drama is not None:
        parts.append(f"<p><b>{esc(sung_by_cast_line(catalog, song, drama))}</b></p>")
    parts.append(audio_section(song, extras))
    from .personal_pages import personal_section  # it builds on this module's helpers

    parts.append(personal_section(song, extras.personal))
    if drama is not None and song.characters:
        parts.append(f"<h2>{_tr('In the drama')}</h2><p>")
        rows = []
        for cast_id in song.characters:
            member = drama.cast_member(cast_id)
            if member is None:
                continue
            actor = catalog.person_name(member.actor)
            if member.character:
                rows.append(fill(_tr("%1 (played by %2)"), esc(member.character), esc(actor)))
            else:
                rows.append(fill(_tr("%1’s character"), esc(actor)))
        parts.append(fill(_tr("Accompanies %1."), esc_join(rows)) + "</p>")
    if song.scenes:
        parts.append(scenes_section(song, extras.revealed))
    if song.musical_character:
        parts.append(f"<h2>{_tr('The sound')}</h2><p>{esc(song.musical_character)}</p>")
    if song.lyrics_excerpt:
        parts.append(f"<h2>{_tr('Lyrics · excerpt')}</h2>" + verse(song.lyrics_excerpt))
    if song.commentary:
        parts.append(f"<h2>{_tr('Commentary')}</h2>")
        parts.extend(f"<p>{esc(p)}</p>" for p in song.commentary)
    parts.append(edit_line("song", song.id))
    return page("".join(parts))


def scenes_section(song: Song, revealed: bool) -> str:
    """Where the song plays; a spoiler note stays hidden until the reader opens it."""
    rows = []
    for scene in song.scenes:
        where = (
            fill(_tr("Episode %1"), str(scene.episode))
            if scene.episode is not None
            else _tr("Scene")
        )
        if scene.spoiler and not revealed:
            note = action("reveal", song.id, _tr("spoiler: show"))
        else:
            note = esc(scene.note) if scene.note else ""
        rows.append(f"{where}{': ' if note else ''}{note}")
    return f"<h2>{_tr('Where it plays')}</h2><p>" + "<br>".join(rows) + "</p>"


def sung_by_cast_line(catalog: Catalog, song: Song, drama: Drama) -> str:
    """ "Sung by Park Seo-joon himself, who stars in the drama" (what makes the song special)."""
    singers = {c.person for c in song.performers}
    roles = [m for m in drama.cast if m.actor in singers]
    names = [catalog.person_name(c.person) for c in song.performers]
    played = [m.character for m in roles if m.character]
    if played:
        return fill(
            _tr("Sung by the drama’s own star: %1, who plays %2."),
            ", ".join(names),
            _tr(" and ").join(played),
        )
    return fill(_tr("Sung by the drama’s own star: %1, who acts in it."), ", ".join(names))


def esc_join(escaped: list[str]) -> str:
    if len(escaped) <= 1:
        return "".join(escaped)
    return ", ".join(escaped[:-1]) + _tr(" and ") + escaped[-1]


def audio_section(song: Song, extras: SongExtras) -> str:
    rows = []
    if extras.audio_state == "none":
        rows.append(_tr("<b>No audio file linked yet.</b> Link a file you own to listen."))
        actions = [action("link", song.id, _tr("Link audio file…"))]
    elif extras.audio_state == "missing":
        rows.append(
            '<span class="warn"><b>'
            + _tr("The linked file is missing:")
            + f"</b> {esc(shown_path(extras.audio_path))}</span><br>"
            + _tr(
                "It was moved or deleted. Relink it; your notes, lyrics and play"
                " count stay with the song."
            )
        )
        actions = [
            action("link", song.id, _tr("Relink…")),
            action("unlink", song.id, _tr("Unlink")),
        ]
    else:
        rows.append(fill(_tr("Audio file: %1"), esc(shown_path(extras.audio_path))))
        actions = [
            action("play", song.id, _tr("▶ Play")),
            action("link", song.id, _tr("Replace…")),
            action("unlink", song.id, _tr("Unlink")),
            action("show", song.id, _tr("Show in folder")),
        ]
    actions.append(action("lyrics", song.id, _tr("Edit lyrics…")))
    rows.append(" · ".join(actions))
    if extras.lyrics_source:
        rows.append(esc(extras.lyrics_source))
    if extras.play_count:
        when = (
            time.strftime("%Y-%m-%d %H:%M", time.localtime(extras.last_played))
            if extras.last_played
            else "?"
        )
        times = tr_count("Pages", extras.play_count, "once", "%n times")
        rows.append(fill(_tr("Played %1, last on %2."), times, when))
    else:
        rows.append(_tr("Not played yet."))
    if not extras.playback_available:
        off = _tr("Playback is off: libVLC is not installed.")
        rows.append(f'<span class="warn">{off}</span>')
    return (
        '<table width="100%" cellpadding="10"><tr><td class="audio">'
        + "<br>".join(rows)
        + "</td></tr></table>"
    )


def group_page(catalog: Catalog, grouping: Grouping, group: Group, songs: list[Song]) -> str:
    kind = {Grouping.ARTIST: "Artist", Grouping.YEAR: "Year", Grouping.ACTOR: "Actor"}.get(
        grouping, ""
    )
    label = tr("Browser", group.label) if group.key in (UNLISTED, OTHER_MUSIC) else group.label
    parts = [f'<p class="meta">{esc(_tr(kind) if kind else "")}</p><h1>{esc(label)}</h1>']
    if grouping is Grouping.ACTOR:
        roles = []
        for drama in catalog.dramas.values():
            for member in drama.cast:
                if member.actor == group.key:
                    line = drama_line(catalog, drama)
                    if member.character:
                        line = fill(_tr("%1 as %2"), line, esc(member.character))
                    roles.append(line)
        if roles:
            parts.append(f"<h2>{_tr('Dramas')}</h2><p>" + "<br>".join(roles) + "</p>")
    parts.append(f"<h2>{tr_count('Pages', len(songs), '%n song', '%n songs')}</h2><p>")
    rows = []
    for song in songs:
        drama = catalog.dramas.get(song.drama)
        rows.append(
            f"{link('song', song.id, song.title)}"
            f' <span class="meta">— {esc(catalog.performer_names(song))} · '
            f"{drama_line(catalog, drama)}</span>"
        )
    parts.append("<br>".join(rows) + "</p>")
    if grouping in (Grouping.ARTIST, Grouping.ACTOR) and group.key in catalog.people:
        parts.append(edit_line("person", group.key))
    return page("".join(parts))
