"""What every importer returns and the one failure type they raise.

An importer turns a file's bytes into text: either plain paragraphs separated by blank lines
(PDF, .txt), which the pipeline escapes for Markdown, or Markdown already (pandoc's output for
Word, OpenDocument and HTML). ImportFailure carries a short ``kind`` (encrypted, corrupt,
image-only, empty, unsupported, duplicate, exists, invalid) for summaries and tests, and a Thai
message for staff.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    text: str
    markdown: bool  # True: already Markdown (pandoc); False: plain paragraphs
    warnings: list[str] = field(default_factory=list)  # Thai, go into the draft's note
    # Plain paragraphs (by position) that are Markdown tables already (rebuilt from a PDF).
    tables: frozenset[int] = frozenset()
    # Thai: content the draft lacks that staff must add (becomes the draft's todo field).
    todo: list[str] = field(default_factory=list)


class ImportFailure(Exception):
    """A file that cannot be imported; ``str(exc)`` is the Thai message."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
