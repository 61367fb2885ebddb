"""Thai full-text search for the public site (issue 3).

``build_index(site_dir)`` reads the built site's document pages and writes a static character
n-gram index into ``site_dir/search-index/``; ``docs/assets/search/`` searches it in the browser.
``text`` defines what matching means (normalisation); ``reader`` runs the same query in Python.
"""

from .extract import Page, site_pages
from .index import INDEX_DIR, IndexStats, build_index
from .reader import IndexReader, search
from .text import canonical, matches, normalise, normalise_blocks, query_parts

__all__ = [
    "INDEX_DIR",
    "IndexReader",
    "IndexStats",
    "Page",
    "build_index",
    "canonical",
    "matches",
    "normalise",
    "normalise_blocks",
    "query_parts",
    "search",
    "site_pages",
]
