"""The app's services: QtCore only, no widgets.

The application context, the playback session, background tasks, typed settings, the
library service with its change signals and the asynchronous lyrics service. The window, the
tray, MPRIS and the command line's remote all talk to these, never to each other.
"""
