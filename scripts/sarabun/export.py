"""Open-data export: ``documents.json`` and ``documents.csv`` with every document's metadata.

This is the machine interface other tools use, so the output is deterministic (sorted by id, no
timestamps) and written atomically: a reader never sees a half-written file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import TypeGuard

from .corpus import Corpus
from .legal_basis import corpus_basis
from .model import FIELDS

COLUMNS = [f.name for f in FIELDS] + ["path", "url", "issuer_name", "legal_basis"]


def records(corpus: Corpus) -> list[dict[str, object]]:
    basis = corpus_basis(corpus)  # "อาศัยอำนาจตาม...": read from the text
    out = []
    for doc in sorted(corpus.documents, key=lambda d: str(d.id)):
        meta = doc.metadata()
        meta["issuer_name"] = corpus.registry.org_name(doc.issuer)
        meta["legal_basis"] = [b.as_dict() for b in basis.get(str(doc.id), [])]
        out.append(meta)
    return out


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, so it is never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(corpus: Corpus) -> str:
    payload = {"schema": "sarabun/documents@1", "count": len(corpus.documents),
               "documents": records(corpus)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_csv(corpus: Corpus) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for rec in records(corpus):
        writer.writerow({k: ";".join(v) if _strings(v)
                         else json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list))
                         else v for k, v in rec.items()})
    return buf.getvalue()


def _strings(value: object) -> TypeGuard[list[str]]:
    """A list of plain strings (tags, ids), which CSV gives as ``a;b``; other lists are JSON."""
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def export(corpus: Corpus, outdir: Path) -> list[Path]:
    json_path, csv_path = outdir / "documents.json", outdir / "documents.csv"
    write_atomic(json_path, to_json(corpus))
    # CSV gets a BOM so that Excel, which most journalists open it with, reads Thai correctly.
    write_atomic(csv_path, "\ufeff" + to_csv(corpus))
    return [json_path, csv_path]
