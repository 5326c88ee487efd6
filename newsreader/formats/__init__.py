"""Annotation interchange formats: writers for every export format and the JSON importer.

None of these modules touch the database: they turn annotations (and the story snapshots
they quote, when known) into text, or validated text back into annotations.
"""
