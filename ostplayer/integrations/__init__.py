"""Talking to the desktop and the network: MPRIS, single instance, launcher entry, online
lyrics."""
