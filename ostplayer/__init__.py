"""OST Player: a desktop listening companion for K-drama soundtracks."""

__version__ = "0.1.0"
