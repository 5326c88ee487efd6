"""newsreader: compare news reports side by side, sentence by sentence."""

__version__ = "0.1.0"
