"""Split a document into YAML front matter and Markdown body, reading every scalar as a string.

PyYAML's default resolver turns ``2567-01-05`` into a CE date, ``no`` into False and ``0123`` into
83, silently. We compose the YAML into nodes ourselves and keep each scalar's text and position,
so the schema decides the type and every error points at a line and column of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .model import Position

Value = str | list["Value"] | dict[str, "Value"]


class FrontMatterError(ValueError):
    def __init__(self, code: str, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.col = col


@dataclass
class Loaded:
    data: dict[str, Value]
    #: position of each top-level key; value positions are in ``value_positions``
    key_positions: dict[str, Position] = field(default_factory=dict)
    value_positions: dict[str, Position] = field(default_factory=dict)
    #: positions of list items, per key
    item_positions: dict[str, list[Position]] = field(default_factory=dict)
    #: the composed node of each top-level value, for fields with nested data (``meeting``);
    #: its marks count from the line after the opening ``---`` (see ``node_position``)
    value_nodes: dict[str, yaml.Node] = field(default_factory=dict)
    end_line: int = 1  # file line of the closing ``---``


def node_position(node: yaml.Node, line_offset: int = 1) -> Position:
    """File position of a front-matter node (the header starts after ``line_offset`` lines)."""
    return Position(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


_pos = node_position


def node_to_value(node: yaml.Node) -> Value:
    """Convert a composed node to plain Python, every scalar as its source text."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [node_to_value(n) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(node_to_value(k)): node_to_value(v) for k, v in node.value}
    raise TypeError(node)


def compose(text: str, line_offset: int = 0) -> yaml.Node | None:
    """Compose YAML text to nodes; errors become FrontMatterError with file positions."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        detail = exc.problem or "เขียนไม่ถูกต้อง"
        raise FrontMatterError("Y001", f"YAML เขียนไม่ถูกต้อง ({detail})", line, col) from exc


def load_strings(text: str, line_offset: int = 0) -> Value | None:
    """Load YAML text (e.g. a registry) with every scalar as a string."""
    node = compose(text, line_offset)
    return None if node is None else node_to_value(node)


def split(text: str) -> tuple[Loaded, str, int]:
    """Return (front matter, body, body start line) of a document's text.

    Raises FrontMatterError for a missing or malformed header.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise FrontMatterError("Y002", "ไฟล์ต้องขึ้นต้นด้วยบรรทัด --- ตามด้วยข้อมูลเอกสาร", 1, 1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    except StopIteration:
        raise FrontMatterError(
            "Y002", "ไม่พบบรรทัด --- ที่ปิดส่วนหัวของเอกสาร", len(lines), 1
        ) from None
    header = "\n".join(lines[1:end])
    node = compose(header, line_offset=1)
    loaded = Loaded(data={}, end_line=end + 1)
    if node is None:
        return loaded, "\n".join(lines[end + 1 :]), end + 2
    if not isinstance(node, yaml.MappingNode):
        p = _pos(node, 1)
        raise FrontMatterError("Y001", "ส่วนหัวต้องเป็นรายการ ชื่อช่อง: ค่า", p.line, p.col)
    for key_node, value_node in node.value:
        key = str(node_to_value(key_node))
        if key in loaded.data:
            p = _pos(key_node, 1)
            raise FrontMatterError("Y001", f"ช่อง '{key}' ซ้ำกัน", p.line, p.col)
        loaded.data[key] = node_to_value(value_node)
        loaded.key_positions[key] = _pos(key_node, 1)
        loaded.value_positions[key] = _pos(value_node, 1)
        loaded.value_nodes[key] = value_node
        if isinstance(value_node, yaml.SequenceNode):
            loaded.item_positions[key] = [_pos(n, 1) for n in value_node.value]
    return loaded, "\n".join(lines[end + 1 :]), end + 2
