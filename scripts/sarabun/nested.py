"""Typed reading of nested front-matter data (``meeting:``, ``plan:``, ``supervision:``).

Those fields are mappings and lists below the document's own fields. Their modules read the
composed YAML node through one ``Reader`` that checks the shape (a mapping with known keys, a
list, one text) and reports each problem at the line and column of the value at fault, with the
code of the field's owner (N004, K001, W001) so staff see which part of the schema to read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import node_position, node_to_value
from .model import Position
from .problems import Problem, problem


@dataclass
class Reader:
    """Reads nested front-matter data node by node; reports with positions, as ``malformed``."""

    rel: Path
    line_offset: int
    malformed: str  # the code of the data's owner for a value of the wrong shape (N004, K001, ...)
    problems: list[Problem] = field(default_factory=list)

    def at(self, node: yaml.Node) -> Position:
        return node_position(node, self.line_offset)

    def report(self, node: yaml.Node, code: str, message: str) -> None:
        p = self.at(node)
        self.problems.append(problem(self.rel, p.line, p.col, code, message))

    def mapping(self, node: yaml.Node, what: str, keys: Iterable[str]
                ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.report(node, self.malformed, f"{what} ต้องเป็นชุดข้อมูลแบบ ชื่อ: ค่า")
            return None
        allowed = tuple(keys)
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(node_to_value(key_node))
            if key not in allowed:
                self.report(key_node, self.malformed,
                            f"{what}: ไม่รู้จักช่อง '{key}' (ใช้ได้: {', '.join(allowed)})")
            elif key in out:
                self.report(key_node, self.malformed, f"{what}: ช่อง '{key}' ซ้ำกัน")
            else:
                out[key] = value_node
        return out

    def sequence(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, self.malformed, f"{what} ต้องเป็นรายการ ขึ้นบรรทัดใหม่ด้วย - ")
            return []
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str) -> str:
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.report(node, self.malformed, f"{what} ต้องเป็นข้อความเดียว")
            return ""
        return " ".join(str(node.value).split())

    def texts(self, node: yaml.Node | None, what: str,
              hint: str = "ชื่อ หนึ่งคนต่อบรรทัด") -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode) or not all(
                isinstance(n, yaml.ScalarNode) for n in node.value):
            self.report(node, self.malformed, f"{what} ต้องเป็นรายการ - {hint}")
            return ()
        return tuple(t for n in node.value if (t := " ".join(str(n.value).split())))


    def required(self, fields: dict[str, yaml.Node], key: str, owner: yaml.Node,
                 what: str) -> str:
        value = self.text(fields.get(key), f"{what}: {key}")
        # a non-text value was reported by ``text`` already
        if not value and (key not in fields or isinstance(fields[key], yaml.ScalarNode)):
            self.report(fields.get(key, owner), self.malformed, f"{what} ต้องมีช่อง {key}")
        return value
