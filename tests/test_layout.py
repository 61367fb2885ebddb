"""Year folders: where ``sarabun.layout`` places a document, and that the repository follows it."""

from __future__ import annotations

from pathlib import Path

from sarabun.corpus import document_paths
from sarabun.ids import DocumentId
from sarabun.layout import FLAT_LIMIT, crowded_folders, document_path

ROOT = Path(__file__).resolve().parent.parent


def test_document_path_uses_the_ids_year() -> None:
    dated = DocumentId.parse("opm-order-2545-301")
    assert document_path("regulations", "order", dated) == Path(
        "regulations/order/2545/opm-order-2545-301.md")
    undated = DocumentId.parse("skkp-profile")
    assert document_path("records", "profile", undated) == Path("records/profile/skkp-profile.md")


def test_every_document_of_the_repository_is_in_its_place() -> None:
    for rel in document_paths(ROOT):
        doc_id = DocumentId.parse(rel.stem)
        assert rel == document_path(rel.parts[0], rel.parts[1], doc_id), rel


def test_crowded_counts_only_dated_files_placed_flat() -> None:
    flat = [Path(f"regulations/order/opm-order-2546-{n}.md") for n in range(FLAT_LIMIT)]
    filed = [Path(f"regulations/order/2546/opm-order-2546-{n}.md") for n in range(900)]
    undated = [Path(f"records/profile/org{n}-profile.md") for n in range(900)]
    assert crowded_folders(flat + filed + undated) == []  # exactly the limit is fine
    (warning,) = crowded_folders([*flat, Path("regulations/order/opm-order-2547-1.md")])
    assert (warning.path, warning.code, warning.severity) == (
        "regulations/order/", "F008", "warning")
    assert "git mv regulations/order/opm-order-2546-0.md regulations/order/2546/" in \
        warning.message
