"""The engine: a Story's sentences to relations, conflicts and claims.

`segment` splits cleaned text into sentences; `terms`, `wordforms` and `lexicon` give the
words, lemmas and general English word lists; `quantities` reads figures; `similarity` and
`align` find sentences of different articles that state the same claim; `conflicts` and
`story_facts` decide which of them clash; `claims` groups them; `analysis` runs it all
(`analyze(story) -> Analysis`). `version` names the engine for cache keys.

Imports: `newsreader.model` and `newsreader.errors` only (never ingest, library,
annotations or the command line).
"""
