"""sarabun: Thai government documents as versioned Markdown.

The package holds plain functions (ids, model, front matter, corpus, checks, rendering) that the
command line and the thin mkdocs adapter call; nothing here depends on mkdocs except
``sarabun.mkdocs_plugin``.
"""

__version__ = "0.1.0"
