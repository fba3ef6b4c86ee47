"""Online lyrics providers (LRCLIB first) behind the seam in :mod:`.base`."""
