"""The Textual reader for newsreader."""
