"""The best understanding of one audio file: its song, singers and drama, from tags, name and
folders, with where each piece came from.

Tags win over the file name, the file name over the folders, because the closer a text is to
the audio the more likely someone wrote it for that file. Each reader (``tag_album``,
``tag_titles``, ``tag_credits``, ``tag_paths``) knows one kind of text; this module only decides
which to believe and says why in ``evidence``, which the scan's review shows to the user.

A library repeats its albums, artists and folders across many files, so a ``TagReader`` reads
each distinct text once; a scan keeps one reader for all its files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .hangul import compact
from .tag_album import (
    AlbumMeaning,
    clean_text,
    has_ost_marker,
    is_noise,
    parse_album,
    split_brackets,
)
from .tag_credits import NameBook, ParsedCredits, PerformerName, parse_credits
from .tag_paths import (
    FileNameMeaning,
    FolderMeaning,
    is_disc_folder,
    is_placeholder_title,
    parse_file_name,
    parse_folder,
)
from .tag_titles import TitleMeaning, parse_title
from .track_facts import TrackFacts

__all__ = ["NameBook", "PerformerName", "TagReader", "TrackMeaning", "understand"]


@dataclass(slots=True)
class TrackMeaning:
    """What one file is, as far as its text tells.

    ``dramas`` are the spellings of the one drama it belongs to, main first; with ``from_drama``
    False the file is not from a drama ("Other music"). ``from_drama`` with no ``dramas`` is a
    soundtrack part whose drama nothing names ("OST Part.3" in a folder called "Music").
    ``version`` is "" for the original recording, "inst" for an instrumental, else the folded
    version note ("acoustic ver", "piano version"): another version is another song.
    """

    title: str = ""
    title_alternate: str = ""
    performers: tuple[PerformerName, ...] = ()
    dramas: tuple[str, ...] = ()
    ost_part: int | None = None
    from_drama: bool = False
    network: str = ""
    instrumental: bool = False
    version: str = ""
    version_note: str = ""  # as written, for a new song's title: "Inst.", "Acoustic Ver."
    track_number: int | None = None
    disc_number: int | None = None
    folder_dramas: tuple[str, ...] = ()  # OST titles read from folder names, used or not
    evidence: list[str] = field(default_factory=list)

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(t for t in (self.title, self.title_alternate) if t)


def understand(track: TrackFacts, book: NameBook | None = None) -> TrackMeaning:
    """Read a file's tags, name and folders into one ``TrackMeaning``.

    ``book`` (the catalog matcher) settles spellings the text alone leaves open: "Earth, Wind &
    Fire" kept whole, an album named like a known drama without an "OST" label. For many files
    use one ``TagReader``.
    """
    return TagReader(book).understand(track)


# Where the singers are read from, in the order they are believed.
_ARTIST_SOURCES = ("title tag (a video's title)", "artist tag", "album artist tag", "file name")
# What a video's title has and a song's title rarely does: "Artist - Title", or a leading
# "[MV]" / "【MV】" mark.
_UPLOAD_HINTS = (" - ", " _ ", " – ", " — ")


@dataclass(slots=True)
class _Texts:
    """One file's texts; its name is parsed only if the tags leave something unsaid."""

    track: TrackFacts
    upload: FileNameMeaning | None  # a video's title found in the title tag
    named: FileNameMeaning | None = None

    def name(self) -> FileNameMeaning:
        if self.named is None:
            self.named = parse_file_name(self.track.path)
        return self.named


@dataclass(slots=True)
class _Drama:
    titles: tuple[str, ...] = ()
    part: int | None = None
    from_drama: bool = False
    network: str = ""
    version: str = ""
    version_note: str = ""
    folder_titles: tuple[str, ...] = ()


class TagReader:
    """``understand`` for many files, each distinct album, artist and folder read once."""

    def __init__(self, book: NameBook | None = None) -> None:
        self.book = book
        self._credits: dict[str, ParsedCredits] = {}
        self._folders: dict[str, list[tuple[str, FolderMeaning]]] = {}
        self._known_dramas: dict[str, bool] = {}

    def credits(self, text: str) -> ParsedCredits:
        found = self._credits.get(text)
        if found is None:
            found = self._credits[text] = parse_credits(text, self.book)
        return found

    def folders(self, path: str) -> list[tuple[str, FolderMeaning]]:
        """The soundtracks named by the three folders nearest a file (disc folders such as
        "CD1" passed over), nearest first; each directory is read once per reader."""
        directory = path.replace("\\", "/").rpartition("/")[0]
        found = self._folders.get(directory)
        if found is None:
            found = []
            head, names = directory, 0
            while head and names < 3:
                head, _, name = head.rpartition("/")
                if not name or is_disc_folder(name):
                    continue
                names += 1
                meaning = parse_folder(name)
                if meaning is not None:
                    found.append((name, meaning))
            self._folders[directory] = found
        return found

    def understand(self, track: TrackFacts) -> TrackMeaning:
        evidence: list[str] = []
        texts = _Texts(track, self._upload_in_title(track))
        title_meaning, title_source = self._title(texts)
        if title_meaning.title:
            evidence.append(f"title {title_meaning.title!r} from the {title_source}")
        performers = self._performers(texts, title_meaning, evidence)
        drama = self._drama(texts, title_meaning, evidence)
        version = title_meaning.version or drama.version
        version_note = title_meaning.version_note or drama.version_note
        if version:
            what = "instrumental" if title_meaning.instrumental else f"version {version!r}"
            evidence.append(f"{what} (a different recording from the original)")
        track_number, disc_number = track.track_number, track.disc_number
        if track_number is None and texts.name().track is not None:
            track_number = texts.name().track
            evidence.append(f"track number {track_number} from the file name")
        if disc_number is None and texts.named is not None:  # "1-03 어른.flac": disc 1
            disc_number = texts.named.disc
        return TrackMeaning(
            title=title_meaning.title,
            title_alternate=title_meaning.alternate,
            performers=performers,
            dramas=drama.titles,
            ost_part=drama.part,
            from_drama=drama.from_drama,
            network=drama.network,
            instrumental=title_meaning.instrumental or version == "inst",
            version=version,
            version_note=version_note,
            track_number=track_number,
            disc_number=disc_number,
            folder_dramas=drama.folder_titles,
            evidence=evidence,
        )

    def _upload_in_title(self, track: TrackFacts) -> FileNameMeaning | None:
        """A title tag that is a video's title ("[MV] 손디아 - 어른 [나의 아저씨 OST Part.2]",
        "가호 - 시작"), as downloaders write it: read like a file name. Marked uploads ("[MV]")
        are believed over the artist tag, which then names the channel ("1theK")."""
        title = clean_text(track.title).strip()
        if not title or not (title[0] in "[【" or any(hint in title for hint in _UPLOAD_HINTS)):
            return None
        _, groups = split_brackets(title)
        parsed = parse_file_name(title, extension=False)
        if any(is_noise(g) for g in groups) or (parsed.artist and parsed.album is not None):
            return parsed
        if not parsed.artist:
            return None
        if track.artist and compact(parsed.artist) != compact(track.artist):
            same = {compact(p.name) for p in self.credits(parsed.artist).performers}
            tagged = {compact(p.name) for p in self.credits(track.artist).performers}
            if not same & tagged:
                return None  # "Title - Subtitle" by the tagged artist, not "Artist - Title"
        return parsed

    def _title(self, texts: _Texts) -> tuple[TitleMeaning, str]:
        track, upload, name = texts.track, texts.upload, texts.name
        if upload is not None and upload.title:
            return parse_title(upload.title), "title tag (a video's title)"
        if track.title.strip() and not is_placeholder_title(track.title):
            return parse_title(track.title), "title tag"
        if name().title and not is_placeholder_title(name().title):
            return parse_title(name().title), "file name"
        return TitleMeaning(title=""), ""

    def _performers(
        self, texts: _Texts, title: TitleMeaning, evidence: list[str]
    ) -> tuple[PerformerName, ...]:
        track, upload = texts.track, texts.upload
        found: list[PerformerName] = []
        for source in _ARTIST_SOURCES:
            if source == "file name":
                text = texts.name().artist
            elif source == "artist tag":
                text = track.artist
            elif source == "album artist tag":
                text = track.album_artist
            else:
                text = upload.artist if upload else ""
            parsed = self.credits(text) if text else None
            if parsed is not None and parsed.performers:
                found = list(parsed.performers)
                names = ", ".join(p.name for p in found)
                evidence.append(f"performers {names} from the {source}")
                evidence.extend(f"{note} in the {source}" for note in parsed.notes)
                break
        if title.featuring:
            have = {compact(p.name) for p in found} | {compact(p.alternate) for p in found}
            for featured in title.featuring:
                for p in self.credits(featured).performers:
                    if compact(p.name) not in have:
                        found.append(
                            PerformerName(p.name, p.alternate, p.group, p.group_alternate, True)
                        )
                        evidence.append(f"featuring {p.name} from the title")
        return tuple(found)

    def _knows_drama(self, album: AlbumMeaning) -> bool:
        if self.book is None:
            return False
        for title in album.titles:
            known = self._known_dramas.get(title)
            if known is None:
                known = self._known_dramas[title] = self.book.knows_drama(title)
            if known:
                return True
        return False

    def _drama(self, texts: _Texts, title: TitleMeaning, evidence: list[str]) -> _Drama:
        track, upload, name = texts.track, texts.upload, texts.name
        sources: list[tuple[str, AlbumMeaning]] = []
        album = parse_album(track.album) if track.album.strip() else None
        if album is not None:
            if not album.is_ost and not album.compilation:
                # A genre alone ("OST", "Soundtrack", "국내드라마") never makes a drama: taggers
                # put it on K-pop albums' songs that were once in a drama ("Love poem").
                if self._knows_drama(album):
                    # An album named just like a drama the catalog has ("Itaewon Class").
                    album = AlbumMeaning(album.titles, True, album.part)
                    evidence.append(f"album tag {track.album!r} is the name of a known drama")
            sources.append(("album tag", album))
        if title.dramas or title.ost_part is not None:
            sources.append(("title tag", AlbumMeaning(title.dramas, True, title.ost_part)))
        if upload is not None and upload.album is not None:
            sources.append(("title tag (a video's title)", upload.album))
        if (
            not any(a.is_ost and a.titles for _, a in sources)
            and has_ost_marker(track.path.rsplit("/", 1)[-1])
            and name().album is not None
        ):
            sources.append(("file name", name().album))
        folder_titles: tuple[str, ...] = ()
        for folder, meaning in self.folders(track.path):
            sources.append((f"folder name {folder!r}", meaning.album))
            folder_titles = folder_titles or meaning.album.titles
        result = _Drama(folder_titles=folder_titles)
        ost_sources = [(s, a) for s, a in sources if a.is_ost and not a.compilation]
        if not ost_sources:
            if album is not None:
                kind = "a compilation" if album.compilation else "not a soundtrack"
                evidence.append(f"album {track.album!r} is {kind}: not from a drama")
            return result
        result.from_drama = True
        named = next(((s, a) for s, a in ost_sources if a.titles), None)
        if named is not None:
            source, meaning = named
            result.titles = meaning.titles
            result.network = meaning.network
            evidence.append(f"drama {' / '.join(meaning.titles)} from the {source}")
        else:
            first = ost_sources[0][0]
            evidence.append(f"a soundtrack (from the {first}) whose drama is not named")
        for source, meaning in ost_sources:
            if meaning.part is not None:
                result.part = meaning.part
                evidence.append(f"OST part {meaning.part} from the {source}")
                break
        cover = next((a for _, a in ost_sources if a.version), None)
        if cover is not None:
            result.version, result.version_note = cover.version, cover.version_note
        return result
