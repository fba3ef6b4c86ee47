"""Files on disk: audio tags, lyrics files, covers and the one atomic-write helper.

The only package that imports mutagen. Nothing here imports Qt: the command line and the
background tasks use it without a display.
"""
