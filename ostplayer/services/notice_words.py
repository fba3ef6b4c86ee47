"""The start-up notices (a damaged file moved aside, a library restored) in the user's language.

The catalog, the media layer and the settings word these in English as they find the problem
(they are below Qt, and the CLI prints them as they are). The window shows them once, at
start; here each known sentence is matched by its form and said from the catalogue, its file
paths and counts kept. A sentence not listed stays English: worded later, never lost.
"""

from __future__ import annotations

from ..domain.phrases import Phrase
from .texts import say, say_known

__all__ = ["NOTICE_FORMS", "say_notice"]

CONTEXT = "Notices"

NOTICE_FORMS = (
    # catalog.library_loading: the library file and its backup
    "Your library file could not be read (%1). It was moved to %2 and nothing in it was deleted.",
    "The backup could not be read either (%1); it was moved to %2.",
    "The library was restored from the backup of %1.",
    "A fresh library was made from the bundled catalog.",
    "The library was upgraded to schema %1.",
    "%1 entries of your library were read back from %2 and kept; %3 damaged or dependent"
    " part(s) could not be and were left out (they stay in that file); the bundled catalog"
    " filled in its own songs. Import again the catalogs you had imported to fill any other"
    " gaps.",
    # ... the personal data (audio links, saved lyrics)
    "Your personal data file (audio links, saved lyrics) could not be read (%1). It was moved"
    " to %2.",
    "Its backup (audio links, saved lyrics) could not be read (%1). It was moved to %2.",
    "Some of your personal data held values that cannot be right (%1); they were dropped and"
    " everything else was kept. The file as it was is in %2.",
    "Audio links and saved lyrics were restored from a backup.",
    "The audio links and saved lyrics of %1 song(s) were read back from %2; %3 damaged part(s)"
    " of it could not be read and were left out (they stay in that file).",
    "The audio links and saved lyrics of %1 song(s) were read back from %2; every line of it"
    " could be read, but it was changed after OST Player wrote it: check the links and lyrics"
    " you rely on.",
    "No readable copy was left, so songs start with no audio links or saved lyrics; link your"
    " files again (the moved files keep the old data).",
    "The repaired personal data could not be saved (%1); it is used for now and the repair is"
    " tried again next time.",
    # catalog.history, catalog.journal, catalog.edits
    "The play history could not be read (%1); it was moved to %2.",
    "%1 unreadable line(s) in the play history were skipped; all other plays were kept, and the"
    " history as it was is in %2.",
    "The catalog edit journal could not be read (%1); it was moved to %2 and the library opened"
    " as last saved.",
    "%1 damaged line(s) of the catalog edit journal could not be read and were skipped; every"
    " other edit was kept. The journal as it was is in %2.",
    "%1 damaged line(s) of the catalog edit journal could not be read and were skipped; every"
    " other edit was kept.",
    "%1 unfinished edit(s) at the end of the edit journal were skipped (a crash while saving"
    " them); every other edit was kept.",
    "Catalog edits made since the library was last saved whole were kept in %1; they were not"
    " applied to the restored library.",
    "Your recent catalog edits could not be applied (%1); they were moved to %2 and the library"
    " opened as last saved.",
    # media.music_folders
    "Your list of music folders could not be read (%1).",
    "Your list of music folders could not be read (%1); it was moved to %2 and nothing in it"
    " was deleted. %3 folder(s) could still be read and were kept. Add any missing folder"
    " again.",
    "Your list of music folders could not be read (%1); it was moved to %2 and nothing in it"
    " was deleted. Add any missing folder again.",
    # services.settings
    "The settings file %1 is %2 and could not be moved out of the way (%3); the defaults are"
    " used and nothing is saved.",
    "The settings file %1 was %2; it was moved to %3 and the defaults are used.",
    "The setting %1 in %2 held %3, which is not a valid value; the default (%4) is used.",
)


def say_notice(notice: str) -> str:
    """One start-up notice as the user reads it (a Phrase by its template)."""
    if isinstance(notice, Phrase):
        return say(notice, CONTEXT)
    # The parts that are words, not paths ("far too large for a settings file"), too.
    return say_known(notice, NOTICE_FORMS, CONTEXT, known_parts=True)
