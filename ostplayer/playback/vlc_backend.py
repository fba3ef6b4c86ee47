"""libVLC backend: the only module in the project that imports ``vlc``.

Threading rules (measured, see shared/notes/measured-facts.md):

* Playing, TimeChanged, Paused, a natural EndReached and its Stopped arrive on
  libVLC's input thread. Calling ``stop()``/``set_media()`` from there deadlocks and
  ``set_time()`` never returns, so the callbacks here only read values carried by the
  event, update plain attributes, build a :class:`PlayerEvent` and call the handler.
* All public methods are meant for one thread (the GUI thread).
* ``load()`` stops the old input before bumping the generation. ``stop()`` joins the
  input thread, so every later callback belongs to the new media and reading
  ``self._generation`` inside a callback is race-free.

Latency: each event handed to the GUI thread wakes it and takes the GIL while libVLC
is still opening the file, so nothing is forwarded before Playing that is not needed:
OPENING is reported by ``play()`` itself, and a length known before Playing travels
inside the PLAYING event (LENGTH_CHANGED only for later changes). This took the
play-request-to-Playing path from 1.5x to ~1.1x a bare python-vlc script.

libVLC cannot tell "bad file" from "end" by state (Error is transient, bad media
often just ends), so the translation is done here: EncounteredError, an end with no
audio stream, or an end before any time was played become an ERROR event.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from ostplayer.playback.base import (
    INSTALL_HINT,
    EventHandler,
    EventKind,
    PlaybackUnavailable,
    PlayerEvent,
    PlayerState,
)

log = logging.getLogger(__name__)

DEFAULT_ARGS: tuple[str, ...] = ("--no-video", "--quiet")

#: Input caching for local files. libVLC reports the end of a track (and stops the audio
#: output, dropping what it buffered) about this long before the audio really ends; with
#: libVLC's default 1000 ms a 4 s WAV ended after 3.0 s of wall time on the dummy output,
#: with 300 ms after 3.6 s (measured, see README). Set as a media option unless the
#: instance arguments choose their own ``--file-caching``.
LOCAL_FILE_CACHING_MS = 300

MSG_UNDECODABLE = "VLC could not decode this file"
MSG_NO_AUDIO = "this file has no audio stream VLC can play"
MSG_OPEN_FAILED = "VLC could not open or decode this file"

# A real track that played this long is not "undecodable" even if no length is known
# (some streams never report one); below it a zero length means VLC found nothing.
_MIN_PLAYED_WITHOUT_LENGTH_MS = 1000
# A video-only or "ANSI art" text file plays silently; give a late audio stream this
# long to appear before calling the file unplayable.
_AUDIO_GRACE_MS = 1000
# libvlc_track_type_t value for audio; ESAdded carries it as the first int of the union.
_TRACK_AUDIO = 0


def load_vlc() -> ModuleType:
    """Import python-vlc, turning every known failure into :class:`PlaybackUnavailable`."""
    try:
        import vlc
    except ImportError as exc:
        raise PlaybackUnavailable(
            f"python-vlc is not installed ({exc}): pip install python-vlc, and install "
            f"libVLC: {INSTALL_HINT}"
        ) from exc
    except (NotImplementedError, OSError) as exc:
        # python-vlc raises NotImplementedError when libvlc is listed but unloadable.
        raise PlaybackUnavailable(
            f"libVLC could not be loaded ({exc}). Install it: {INSTALL_HINT}"
        ) from exc
    return vlc


class VlcPlayer:
    """:class:`~ostplayer.playback.base.Player` implemented with python-vlc."""

    available: bool = True
    unavailable_reason: str = ""

    def __init__(self, vlc_args: Sequence[str] = ()) -> None:
        vlc = load_vlc()
        args = list(DEFAULT_ARGS) + [a for a in vlc_args if a not in DEFAULT_ARGS]
        try:
            instance = vlc.Instance(args)
        except NameError as exc:
            # python-vlc imports fine without libvlc.so, then lacks libvlc_new.
            raise PlaybackUnavailable(f"libVLC is not installed: {INSTALL_HINT}") from exc
        except Exception as exc:
            raise PlaybackUnavailable(
                f"libVLC failed to start ({exc}). Install it: {INSTALL_HINT}"
            ) from exc
        if instance is None:
            raise PlaybackUnavailable(
                "libVLC could not start: its plugins are missing or an option is not "
                f"supported ({' '.join(args)}). Install it: {INSTALL_HINT}"
            )
        self._vlc = vlc
        self._instance: Any = instance
        self._mp: Any = instance.media_player_new()
        # python-vlc keeps callbacks on the EventManager *wrapper*; detaching needs the
        # same wrapper object, so keep it.
        self._events: Any = self._mp.event_manager()
        self._handler: EventHandler | None = None
        self._closed = False
        self._generation = 0
        self._has_media = False
        self._state = PlayerState.STOPPED
        self._volume = 100
        self._muted = False
        self._pending_seek: int | None = None
        self._silence_stopped = False
        self._path = ""
        self._start_ms = 0  # where the loaded media starts (resume)
        self._media_start_ms = 0  # the :start-time option of the media set in libVLC
        self._started = False  # play() was called for the loaded media
        self._file_caching: int | None = (
            None if any(a.startswith("--file-caching") for a in args) else LOCAL_FILE_CACHING_MS
        )
        self._reset_media_flags()

        et = vlc.EventType
        self._attached = {
            et.MediaPlayerPlaying: "playing",
            et.MediaPlayerPaused: "paused",
            et.MediaPlayerStopped: "stopped",
            et.MediaPlayerTimeChanged: "time",
            et.MediaPlayerLengthChanged: "length",
            et.MediaPlayerEndReached: "end",
            et.MediaPlayerEncounteredError: "error",
            et.MediaPlayerESAdded: "es_added",
        }
        for event_type, tag in self._attached.items():
            self._events.event_attach(event_type, self._on_vlc_event, tag)

    # -- libVLC thread -----------------------------------------------------------------

    def _reset_media_flags(self) -> None:
        # Only called while no input thread runs (after stop()), so no lock is needed.
        self._terminal = False  # END or ERROR already reported for this input
        self._playing_seen = False
        self._playing_since: float | None = None  # monotonic time of the first Playing
        self._audio_seen = False
        self._max_time = 0
        self._length = 0

    def _on_vlc_event(self, event: Any, tag: str) -> None:
        # An exception escaping here is printed by python-vlc and lost; log it instead.
        try:
            self._translate(event, tag)
        except Exception:
            log.exception("error while handling libVLC event %s", tag)

    def _translate(self, event: Any, tag: str) -> None:
        gen = self._generation
        if tag == "es_added":
            # python-vlc maps the union loosely; new_status is the int at offset 0,
            # which is i_type of media_player_es_changed.
            if event.u.new_status == _TRACK_AUDIO:
                self._audio_seen = True
        elif tag == "playing":
            if not self._terminal:
                self._playing_seen = True
                if self._playing_since is None:
                    self._playing_since = time.monotonic()
                # The length usually arrives just before Playing; it rides along here
                # instead of costing the GUI thread a wake-up of its own.
                playing = PlayerEvent(EventKind.PLAYING, gen, length_ms=self._length)
                self._set(PlayerState.PLAYING, playing)
        elif tag == "paused":
            self._set(PlayerState.PAUSED, PlayerEvent(EventKind.PAUSED, gen))
        elif tag == "stopped":
            # A natural end is followed by a Stopped from the input thread: END/ERROR
            # already said it all. Internal restarts stop silently too.
            if not self._terminal and not self._silence_stopped:
                self._set(PlayerState.STOPPED, PlayerEvent(EventKind.STOPPED, gen))
        elif tag == "time":
            t = int(event.u.new_time)
            if self._terminal:
                return
            self._max_time = max(self._max_time, t)
            if not self._audio_seen and t >= _AUDIO_GRACE_MS:
                self._fail(gen, MSG_NO_AUDIO)
                return
            self._emit(PlayerEvent(EventKind.TIME_CHANGED, gen, time_ms=t, length_ms=self._length))
        elif tag == "length":
            self._length = max(0, int(event.u.new_length))
            if self._playing_seen:  # before Playing it is carried by the PLAYING event
                self._emit(PlayerEvent(EventKind.LENGTH_CHANGED, gen, length_ms=self._length))
        elif tag == "end":
            if self._terminal:
                return
            # Some old Ogg Vorbis files play through without libVLC ever reporting a time:
            # one that played for a while before its end was heard, it is not undecodable.
            played_s = (
                time.monotonic() - self._playing_since if self._playing_since is not None else 0
            )
            heard = played_s * 1000 >= _MIN_PLAYED_WITHOUT_LENGTH_MS
            if not self._audio_seen:
                self._fail(gen, MSG_NO_AUDIO)
            elif not heard and (
                self._max_time <= 0
                or (self._length <= 0 and self._max_time < _MIN_PLAYED_WITHOUT_LENGTH_MS)
            ):
                self._fail(gen, MSG_UNDECODABLE)
            else:
                self._terminal = True
                self._set(
                    PlayerState.ENDED,
                    PlayerEvent(
                        EventKind.END_REACHED,
                        gen,
                        time_ms=self._max_time,
                        length_ms=self._length,
                    ),
                )
        elif tag == "error" and not self._terminal:
            self._fail(gen, MSG_OPEN_FAILED)

    def _fail(self, gen: int, message: str) -> None:
        self._terminal = True
        self._set(
            PlayerState.ERROR,
            PlayerEvent(EventKind.ERROR, gen, time_ms=self._max_time, message=message),
        )

    def _set(self, state: PlayerState, event: PlayerEvent) -> None:
        self._state = state
        self._emit(event)

    def _emit(self, event: PlayerEvent) -> None:
        handler = self._handler  # read once: the GUI thread may clear it concurrently
        if handler is not None:
            handler(event)

    # -- GUI thread ----------------------------------------------------------------------

    def set_event_handler(self, handler: EventHandler | None) -> None:
        self._handler = handler

    def _stop_silently(self) -> None:
        # The Stopped that stop() causes fires synchronously on this thread.
        self._silence_stopped = True
        try:
            self._mp.stop()
        finally:
            self._silence_stopped = False

    def load(self, path: str, start_ms: int = 0) -> int:
        if self._closed:
            return self._generation
        self._stop_silently()
        self._generation += 1
        self._reset_media_flags()
        self._pending_seek = None
        self._path = path
        self._start_ms = max(0, int(start_ms))
        self._started = False
        self._set_media(self._start_ms)
        self._has_media = True
        self._state = PlayerState.STOPPED
        return self._generation

    def _set_media(self, start_ms: int) -> None:
        """Give libVLC a fresh media for ``self._path`` starting at ``start_ms``.

        ``:start-time`` opens the input there (nothing of the start is heard, unlike a
        ``set_time`` racing the opening input). Options stick to a media, so a replay
        from the start needs a new one (see :meth:`play`).
        """
        media = self._instance.media_new_path(self._path)
        if self._file_caching is not None:
            media.add_option(f":file-caching={self._file_caching}")
        if start_ms > 0:
            media.add_option(f":start-time={start_ms / 1000:.3f}")
        self._mp.set_media(media)
        media.release()  # the player holds its own reference
        self._media_start_ms = start_ms

    def play(self) -> None:
        if self._closed or not self._has_media:
            return
        if self._state in (PlayerState.PLAYING, PlayerState.OPENING):
            return
        if self._state == PlayerState.PAUSED:
            self._mp.set_pause(0)
            return
        vlc_state = self._mp.get_state()
        if vlc_state in (self._vlc.State.Ended, self._vlc.State.Error):
            # An Ended player ignores play(); it has to be stopped first.
            self._stop_silently()
        self._reset_media_flags()
        # Where this run starts: a seek made while stopped, the load's start position
        # the first time, else the beginning.
        if self._pending_seek is not None:
            start = self._pending_seek
        else:
            start = 0 if self._started else self._start_ms
        self._pending_seek = None
        if start != self._media_start_ms:
            self._set_media(start)
        self._started = True
        self._apply_audio_settings()
        # Reported from here rather than from libVLC's Opening callback: it is known
        # now, and a cross-thread event would wake the GUI thread while libVLC opens.
        self._set(PlayerState.OPENING, PlayerEvent(EventKind.OPENING, self._generation))
        if self._mp.play() != 0:
            self._fail(self._generation, MSG_OPEN_FAILED)

    def pause(self) -> None:
        # Measured: set_pause(1) right after play(), before Playing, is kept by the
        # opening input, which then reports Playing and Paused.
        if not self._closed and self._state in (PlayerState.PLAYING, PlayerState.OPENING):
            self._mp.set_pause(1)

    def resume(self) -> None:
        if self._closed:
            return
        if self._state in (PlayerState.PAUSED, PlayerState.OPENING, PlayerState.PLAYING):
            # OPENING/PLAYING: a pause asked for before libVLC reported it is undone.
            self._mp.set_pause(0)
        elif self._state in (PlayerState.STOPPED, PlayerState.ENDED, PlayerState.ERROR):
            self.play()

    def stop(self) -> None:
        if self._closed:
            return
        self._terminal = False  # an explicit stop is worth reporting even after an end
        self._pending_seek = None
        self._mp.stop()
        self._state = PlayerState.STOPPED

    def seek(self, ms: int) -> None:
        if self._closed or not self._has_media:
            return
        ms = max(0, int(ms))
        length = self.length_ms()
        if length > 0:
            ms = min(ms, length)
        if self._state in (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.OPENING):
            # Works while paused too: libVLC moves and get_time() reflects it at once.
            self._mp.set_time(ms)
        else:
            # No input to move (stopped/ended): start there on the next play().
            self._pending_seek = ms

    def time_ms(self) -> int:
        if self._closed:
            return 0
        if self._pending_seek is not None:
            return self._pending_seek
        if not self._started:
            return self._start_ms if self._has_media else 0
        t = max(0, int(self._mp.get_time()))
        if self._max_time == 0 and t < self._media_start_ms:
            return self._media_start_ms  # still opening at the start position: 0 is wrong
        return t

    def length_ms(self) -> int:
        if self._closed:
            return 0
        return self._length or max(0, int(self._mp.get_length()))

    def state(self) -> PlayerState:
        return self._state

    def set_volume(self, percent: int) -> None:
        self._volume = max(0, min(100, int(percent)))
        if not self._closed:
            self._mp.audio_set_volume(self._volume)

    def volume(self) -> int:
        # Remembered value: with some outputs (dummy, afile) libVLC reads back 0.
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if not self._closed:
            self._mp.audio_set_mute(self._muted)

    def is_muted(self) -> bool:
        return self._muted

    def _apply_audio_settings(self) -> None:
        # The audio output may be recreated per input; reapply what the user chose.
        self._mp.audio_set_volume(self._volume)
        self._mp.audio_set_mute(self._muted)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._handler = None
        try:
            # stop() joins the input thread, so no callback can run after the detach.
            self._mp.stop()
            for event_type in self._attached:
                self._events.event_detach(event_type)
            self._mp.release()
            self._instance.release()
        except Exception:
            log.exception("error while releasing libVLC")
        self._state = PlayerState.STOPPED
