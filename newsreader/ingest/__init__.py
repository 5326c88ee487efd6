"""Reading articles: files, folders, Markdown, web pages and URLs to a cleaned, segmented Story.

`reader` is the entry point (`build_story`, `add_articles`, `read_paths`); `formats` turns
one article's bytes into a Source by format; `encoding` decodes bytes; `html_extract`,
`markdown_text` and `front_matter` read those formats; `fetch` downloads URLs; `files`
reads local files (ordinary files only, never blocking, size-limited: the store and the
command line use it too); `cleaning`, `boilerplate` and `bylines` remove page furniture
and keep its metadata; `article_names` names an article to a reader.

Imports: `newsreader.model`, `newsreader.errors` and `newsreader.engine.segment` (to split
the cleaned text into sentences).
"""
