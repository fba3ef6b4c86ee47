"""Following the music through synced lyrics: which line is current, when the next one is due.

Pure Python, like FeelUOwn's ``player/lyric.py``: the lyrics view, the full-screen stage,
MPRIS's ``xesam:asText`` and the command line's ``now`` all ask the same object, and the
timing rules are tested without a window.

Offsets: the file's own ``[offset:]`` (in :class:`Lyrics`) and the user's per-song offset
(positive shows the lyrics earlier) add up.
"""

from __future__ import annotations

from .lyrics import Lyrics

#: While a line with word timing is sung, the view repaints at this pace.
WORD_FRAME_MS = 16


class LyricsFollower:
    def __init__(self, lyrics: Lyrics | None = None, offset_ms: int = 0) -> None:
        self.lyrics = lyrics
        self.offset_ms = int(offset_ms)
        self.position_ms = 0
        self.current = -1  # the group to highlight; -1 before the first line or unsynced

    @property
    def synced(self) -> bool:
        return self.lyrics is not None and self.lyrics.synced and bool(self.lyrics.groups)

    def set_lyrics(self, lyrics: Lyrics | None, offset_ms: int = 0) -> None:
        self.lyrics = lyrics
        self.offset_ms = int(offset_ms)
        self.current = self._index_at(self.position_ms)

    def set_offset(self, ms: int) -> bool:
        """True when the current line changed."""
        self.offset_ms = int(ms)
        return self.update(self.position_ms)

    def update(self, position_ms: int) -> bool:
        """Move to ``position_ms``; True when the current line changed. One bisect."""
        self.position_ms = int(position_ms)
        index = self._index_at(self.position_ms)
        if index == self.current:
            return False
        self.current = index
        return True

    def _index_at(self, position_ms: int) -> int:
        if not self.synced:
            return -1
        assert self.lyrics is not None
        return self.lyrics.group_index_at(position_ms, self.offset_ms)

    def word_position(self) -> int:
        """The position in the file's own time base, for word-by-word highlighting."""
        offset = self.lyrics.offset_ms if self.lyrics is not None else 0
        return self.position_ms + offset + self.offset_ms

    def time_of(self, index: int) -> int:
        """Playback position at which group ``index`` is highlighted (clamped at 0)."""
        assert self.lyrics is not None
        return max(0, self.lyrics.effective_time(index, self.offset_ms))

    def current_has_words(self) -> bool:
        if not self.synced or self.current < 0:
            return False
        assert self.lyrics is not None
        return any(line.words for line in self.lyrics.groups[self.current].lines)

    def ms_until_next_change(self) -> int | None:
        """How long from the last position until the highlight must move again: the next
        line, or the next frame while a line with word timing is sung. None when nothing more
        changes (unsynced, or past the last line)."""
        if not self.synced:
            return None
        if self.current_has_words():
            return WORD_FRAME_MS
        following = self.current + 1
        assert self.lyrics is not None
        if following >= len(self.lyrics.groups):
            return None
        return self.lyrics.effective_time(following, self.offset_ms) - self.position_ms

    def current_text(self) -> str:
        """The current line's text ("" before the first line), e.g. for ``ostplayer now``."""
        if not self.synced or self.current < 0:
            return ""
        assert self.lyrics is not None
        return " / ".join(line.text for line in self.lyrics.groups[self.current].lines if line.text)
