"""Following the music through synced lyrics: which line is current, when the next one is due.

Pure Python, like FeelUOwn's ``player/lyric.py``: the lyrics view, the full-screen stage,
MPRIS's ``xesam:asText`` and the command line's ``now`` all ask the same object, and the
timing rules are tested without a window.

Offsets: the file's own ``[offset:]`` (in :class:`Lyrics`) and the user's per-song offset
(positive shows the lyrics earlier) add up.
"""

from __future__ import annotations

from .lyrics import Lyrics


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

    def ms_until_next_change(self) -> int | None:
        """How long from the last position until the highlight must move again: the next
        line, or the next word stamp of the line being sung (one wake per word, never a frame
        poll). None when nothing more changes (unsynced, or past the last word)."""
        if not self.synced:
            return None
        assert self.lyrics is not None
        groups, due = self.lyrics.groups, None
        if self.current + 1 < len(groups):
            due = self.lyrics.effective_time(self.current + 1, self.offset_ms) - self.position_ms
        if self.current >= 0:
            now = self.word_position()
            words = (w for line in groups[self.current].lines for w in line.words)
            stamps = [w.time_ms for w in words if w.time_ms > now]
            if stamps:
                word = min(stamps) - now
                due = word if due is None else min(due, word)
        return due

    def current_text(self) -> str:
        """The current line's text ("" before the first line), e.g. for ``ostplayer now``."""
        if not self.synced or self.current < 0:
            return ""
        assert self.lyrics is not None
        return " / ".join(line.text for line in self.lyrics.groups[self.current].lines if line.text)
