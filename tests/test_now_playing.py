"""The now-playing area and the transport: cover, elided names, fixed buttons, jumps, feedback."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractSlider, QApplication, QToolButton
from ui_support import make_context, make_window
from vlc_support import make_wav

from ostplayer.ui.cover_art import CoverArt, initials, tile_color
from ostplayer.ui.theme import contrast_ratio

LONG = "A song title long enough to push every button off the screen " * 4


def fake_window(qtbot, tmp_path):
    from ostplayer.playback.fake_backend import FakePlayer

    return make_window(qtbot, tmp_path / "data", FakePlayer(speed=2.0))


def test_a_long_title_elides_and_never_moves_the_buttons_or_widens_the_window(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    t = w.transport
    t.set_song("its-you", "It’s You", "Jeong Se-woon", "What’s Wrong (2018)", "What’s Wrong")
    QApplication.processEvents()
    width, play_x = w.width(), t.play_button.mapTo(w, QPoint(0, 0)).x()
    t.set_song("its-you", LONG, LONG, LONG, "What’s Wrong")
    QApplication.processEvents()
    assert w.width() == width
    assert t.play_button.mapTo(w, QPoint(0, 0)).x() == play_x
    assert t.title.text() == LONG  # the whole title is known ...
    assert t.title.shown_text().endswith("…") and len(t.title.shown_text()) < len(LONG)
    assert LONG.strip()[:40] in t.title.toolTip()  # ... and shown in full as its tooltip


def test_playing_shows_title_performers_drama_and_a_placeholder_cover(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("start-over", str(make_wav(tmp_path / "start.wav", 3.0)))
    w.play_songs("start-over", ["start-over"])
    qtbot.waitUntil(lambda: w.transport.title.text() == "Start Over", timeout=5000)
    now = w.transport.now
    assert now.performers.text() == "Gaho"
    assert now.drama.text().startswith("Itaewon Class (2020)")
    assert not now.cover.has_cover  # a plain WAV in a folder without a picture
    assert now.heart.isEnabled()
    w.session.stop()


def test_the_heart_saves_the_song_as_a_favourite(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 3.0)))
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: w.transport.now.heart.isEnabled(), timeout=5000)
    qtbot.mouseClick(w.transport.now.heart, Qt.MouseButton.LeftButton)
    assert w.library.personal("its-you").get("favourite") is True
    assert "Undo with Ctrl+Z" in w.statusBar().currentMessage()
    assert "♥ Favourite" in w.page_view.toPlainText() or w.reading.current[1] != "its-you"
    w.editing.history.undo()  # the heart is an edit like Ctrl+D: undo takes it back ...
    assert not w.library.personal("its-you").get("favourite")
    assert not w.transport.now.heart.isChecked()  # ... and the heart follows
    w.editing.history.redo()
    assert w.transport.now.heart.isChecked()
    w.session.stop()


def test_a_folder_cover_is_loaded_off_the_gui_thread_and_cached(qtbot, tmp_path):
    ctx = make_context(tmp_path / "data")
    music = tmp_path / "album"
    music.mkdir()
    audio = make_wav(music / "song.wav", 0.2)
    picture = QImage(600, 400, QImage.Format.Format_RGB32)
    picture.fill(QColor("#c03040"))
    assert picture.save(str(music / "cover.png"))
    covers = CoverArt(ctx.tasks, tmp_path / "cache" / "covers")
    with qtbot.waitSignal(covers.ready, timeout=5000) as got:
        covers.request("its-you", str(audio))
    result = got.args[0]
    assert result.image is not None and result.image.width() == result.image.height()
    assert abs(result.color.red() - 0xC0) < 8  # its dominant colour, for the lyrics stage
    assert list((tmp_path / "cache" / "covers").glob("*.png"))  # the thumbnail is kept


def test_no_cover_means_the_dramas_initials_on_a_readable_colour():
    assert initials("Itaewon Class") == "IC"
    assert initials("이태원 클라쓰") == "이태"
    assert initials("") == "♪"
    for name in ("Itaewon Class", "Hwarang", "She Was Pretty", "김비서가 왜 그럴까"):
        assert contrast_ratio(tile_color(name), QColor("#ffffff")) >= 4.5
    assert tile_color("Hwarang") == tile_color("Hwarang")


def test_the_volume_slider_jumps_to_the_click(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    volume = w.transport.volume
    volume.setValue(20)
    qtbot.mouseClick(
        volume,
        Qt.MouseButton.LeftButton,
        pos=QPoint(volume.width() * 9 // 10, volume.height() // 2),
    )
    assert volume.value() >= 80  # not one page step (10) towards the click
    assert w.session.volume() == volume.value()


def test_play_with_nothing_queued_on_a_song_without_a_file_offers_to_link_it(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.browser.select_song("our-tears")
    w.transport.play_button.click()
    banner = w.link_offer
    assert banner.isVisible()
    assert "Our Tears" in banner.label.text()
    buttons = [b.text() for b in banner._buttons]
    assert "Link a file…" in buttons and "Scan a folder…" in buttons
    assert "no audio file" in w.statusBar().currentMessage()


def test_every_transport_control_has_an_accessible_name_and_a_tooltip(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    controls = w.transport.findChildren(QToolButton) + w.transport.findChildren(QAbstractSlider)
    assert len(controls) >= 11
    for control in controls:
        assert control.accessibleName(), control.objectName()
        if isinstance(control, QToolButton):
            assert not control.icon().isNull(), control.objectName()
            assert control.toolTip(), control.objectName()


def test_remaining_time_counts_down(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.transport.set_position(0, 200_000)
    w.transport.set_position(60_000, 200_000)
    assert w.transport.elapsed.text() == "1:00"
    assert w.transport.total.text() == "−2:20"
