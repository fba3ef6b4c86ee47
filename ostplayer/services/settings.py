"""Typed settings, declared once (as Picard's ``options.py`` does), stored in an INI file.

Every setting has a key, a type, a default and its limits. Reading never fails: a value the
file holds that is not of the setting's type or range (``volume=abc``, ``50.5``, an empty
value, a number of a hundred digits) gives that setting's default, for that key only, and is
reported once in :attr:`Settings.notices`. Writing goes to Qt's QSettings, which keeps the
file; :meth:`Settings.sync` flushes it and reports a folder that cannot be written.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from ..domain.grouping import Grouping
from ..domain.queue import RepeatMode
from ..media.atomic import aside_path
from ..media.regular_read import check_regular

MAX_SETTINGS_BYTES = 16 * 1024 * 1024

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def parse(self, raw: Any) -> T:
        """The stored value as this setting's type; raises ValueError when it is not one."""
        raise NotImplementedError

    def dump(self, value: T) -> Any:
        return value


@dataclass(frozen=True)
class IntSetting(Setting[int]):
    low: int = 0
    high: int = 2**31 - 1

    def parse(self, raw: Any) -> int:
        if isinstance(raw, bool):
            raise ValueError
        if isinstance(raw, int):
            value = raw
        else:
            text = str(raw).strip()
            # int() of a huge digit string is slow and refused; no setting needs one.
            if not text or len(text) > 12 or not text.lstrip("+-").isdigit():
                raise ValueError
            value = int(text)
        if not self.low <= value <= self.high:
            raise ValueError
        return value


@dataclass(frozen=True)
class BoolSetting(Setting[bool]):
    def parse(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off"):
            return False
        raise ValueError


@dataclass(frozen=True)
class TextSetting(Setting[str]):
    max_length: int = 4096

    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str) or len(raw) > self.max_length:
            raise ValueError
        return raw


@dataclass(frozen=True)
class BytesSetting(Setting[bytes]):
    """Qt's saved geometry and splitter states."""

    def parse(self, raw: Any) -> bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes):
            return raw
        raise ValueError

    def dump(self, value: bytes) -> Any:
        return QByteArray(value)


@dataclass(frozen=True)
class EnumSetting(Setting[E]):
    def parse(self, raw: Any) -> E:
        return type(self.default)(str(raw))

    def dump(self, value: E) -> Any:
        return value.value


@dataclass(frozen=True)
class ListSetting(Setting[tuple[str, ...]]):
    def parse(self, raw: Any) -> tuple[str, ...]:
        if raw in (None, ""):
            return ()
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, Sequence) or not all(isinstance(v, str) for v in values):
            raise ValueError
        return tuple(values)

    def dump(self, value: tuple[str, ...]) -> Any:
        return list(value)


class Keys:
    """Every setting the app has. One place: a typo in a key cannot silently add another."""

    VOLUME = IntSetting("playback/volume", 80, 0, 100)
    MUTED = BoolSetting("playback/muted", False)
    SHUFFLE = BoolSetting("playback/shuffle", False)
    REPEAT = EnumSetting("playback/repeat", RepeatMode.OFF)
    GEOMETRY = BytesSetting("ui/geometry", b"")
    SPLITTER = BytesSetting("ui/splitter", b"")
    CONTENT_SPLITTER = BytesSetting("ui/content_splitter", b"")
    GROUPING = EnumSetting("ui/grouping", Grouping.DRAMA)
    NEWEST_FIRST = BoolSetting("ui/newest_first", True)
    LAST_PAGE = TextSetting("ui/last_page", "")
    LYRICS_VISIBLE = BoolSetting("ui/lyrics_visible", True)
    QUEUE_VISIBLE = BoolSetting("ui/queue_visible", False)
    FOLLOW_PLAYING = BoolSetting("ui/follow_playing", False)
    ROMANIZATION = BoolSetting("lyrics/romanization", False)
    # Off for low-power machines: the lyrics jump to the line instead of gliding.
    ANIMATE_LYRICS = BoolSetting("lyrics/animate", True)
    MUSIC_FOLDERS = ListSetting("library/music_folders", ())
    # Desktop integration (the tray's menu sets them): keep playing in the tray when the
    # window is closed (and whether that was explained once); song-change notifications
    # "hidden" (only while the window is hidden), "always" or "never".
    CLOSE_TO_TRAY = BoolSetting("desktop/close_to_tray", False)
    CLOSE_TO_TRAY_TOLD = BoolSetting("desktop/close_to_tray_told", False)
    NOTIFICATIONS = TextSetting("desktop/notifications", "hidden")
    APPEARANCE = TextSetting("ui/appearance", "system", 16)  # system, light or dark
    LANGUAGE = TextSetting("ui/language", "", 16)  # "" = the system's; "en", "ko"
    # Off until the user says yes: nothing is sent to a lyrics server before.
    ONLINE_LYRICS = BoolSetting("lyrics/online", False)
    ONLINE_LYRICS_ASKED = BoolSetting("lyrics/online_asked", False)  # the one-time question
    ONLINE_LYRICS_WRITE_LRC = BoolSetting("lyrics/online_write_lrc", False)
    LRCLIB_URL = TextSetting("lyrics/lrclib_url", "https://lrclib.net", 2048)


class Settings(QObject):
    changed = Signal(str)  # the key that changed

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.notices: list[str] = []
        self._reported: set[str] = set()
        self._set_aside_if_unusable()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _set_aside_if_unusable(self) -> None:
        # QSettings reads a FIFO forever and cannot replace a folder: such a thing in the
        # settings file's place is moved aside, and the defaults are used.
        try:
            what = check_regular(self.path)
            if what is None and self.path.stat().st_size > MAX_SETTINGS_BYTES:
                what = "far too large for a settings file"
        except FileNotFoundError:
            return
        except OSError as exc:
            what = f"unreadable ({exc.strerror or exc})"
        if what is None:
            return
        try:
            moved = aside_path(self.path)
            os.replace(self.path, moved)
        except OSError as exc:
            self.notices.append(
                f"The settings file {self.path} is {what} and could not be moved out of the"
                f" way ({exc.strerror or exc}); the defaults are used and nothing is saved."
            )
            self.path = Path(os.devnull)
            return
        self.notices.append(
            f"The settings file {self.path} was {what}; it was moved to {moved} and the"
            " defaults are used."
        )

    def get(self, setting: Setting[T]) -> T:
        raw = self._qs.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return setting.parse(raw)
        except (ValueError, TypeError, OverflowError):
            if setting.key not in self._reported:
                self._reported.add(setting.key)
                shown = str(raw)
                shown = shown if len(shown) <= 40 else shown[:40] + "…"
                self.notices.append(
                    f"The setting {setting.key} in {self.path} held {shown!r}, which is not a"
                    f" valid value; the default ({setting.dump(setting.default)!r}) is used."
                )
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if self._qs.value(setting.key) is not None:
            try:
                if setting.parse(self._qs.value(setting.key)) == value:
                    return
            except (ValueError, TypeError, OverflowError):
                pass
        self._qs.setValue(setting.key, setting.dump(value))
        self.changed.emit(setting.key)

    def sync(self) -> str | None:
        """Write the file now; a sentence for the user when it could not be written."""
        self._qs.sync()
        if self._qs.status() == QSettings.Status.AccessError:
            return (
                f"Your settings could not be saved: {self.path.parent} is read-only or you may"
                " not write there."
            )
        return None
