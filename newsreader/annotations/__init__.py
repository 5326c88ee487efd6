"""Annotations: anchoring verdicts and notes to sentences, and every export and import format.

`anchors` ties an annotation to the quoted sentences and re-attaches it when the text or the
analysis changes; `export` renders annotations in each format (`native` JSON with its
validator and reader, `w3c` Web Annotation, `claimreview`, `table` CSV, `markdown`);
`sources` names the articles an annotation quotes; `json_items` decodes a large export an
annotation at a time.

Imports: `newsreader.model` and `newsreader.errors` only. None of these modules touch the
database: they turn annotations (and the story snapshots they quote, when known) into text,
or validated text back into annotations.
"""
