"""The library of stories: the demo story, saved stories, finding one, and the analysis cache.

`opening` opens a story for reading, for the command line and the app alike (the
two-article rule, the cached analysis or a fresh one from the analyser it is given,
annotations re-attached, read-only notices); `stories` fetches a saved story; `cache`
fingerprints a story and reuses a saved analysis; `lookup` finds a story from what the user
typed; `demo` and `demo_snapshot` provide the bundled demo story; `analysis_json` is the
`analyze --json` contract; `story_data` is the
one serialiser of stories and articles (records, rows and the contract's shape).

Imports: the engine, ingest, annotations, `newsreader.model` and `newsreader.errors`; never
the store, the UI, Textual or TinyDB (the store is handed in as an object).
"""
