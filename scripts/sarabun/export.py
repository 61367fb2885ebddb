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

from .corpus import Corpus
from .model import FIELDS

COLUMNS = [f.name for f in FIELDS] + ["path", "url", "issuer_name"]


def records(corpus: Corpus) -> list[dict[str, object]]:
    out = []
    for doc in sorted(corpus.documents, key=lambda d: str(d.id)):
        meta = doc.metadata()
        meta["issuer_name"] = corpus.registry.org_name(doc.issuer)
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
        writer.writerow({k: ";".join(str(x) for x in v) if isinstance(v, list)
                         else json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
                         for k, v in rec.items()})
    return buf.getvalue()


def export(corpus: Corpus, outdir: Path) -> list[Path]:
    json_path, csv_path = outdir / "documents.json", outdir / "documents.csv"
    write_atomic(json_path, to_json(corpus))
    # CSV gets a BOM so that Excel, which most journalists open it with, reads Thai correctly.
    write_atomic(csv_path, "\ufeff" + to_csv(corpus))
    return [json_path, csv_path]
