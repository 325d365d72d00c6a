"""Generate ``mentora_client/types.py`` from the server's OpenAPI document.

    uv run python scripts/generate_types.py [SPEC] [OUTPUT]

SPEC defaults to the repository's ``docs/openapi.json``. Every component schema becomes a
TypedDict (enums become ``Literal`` aliases), except the envelopes and error responses,
which the client models by hand (``Page``, the error classes). ``tests/test_openapi.py``
renders the schemas that ``types.py`` holds again from the current spec and compares.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

CLIENT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = CLIENT_ROOT.parents[1] / "docs" / "openapi.json"
DEFAULT_OUTPUT = CLIENT_ROOT / "src" / "mentora_client" / "types.py"

HAND_MODELLED = re.compile(r"^(SuccessEnvelope_.*|ListEnvelope_.*|.*Response)$")
TYPING_NAMES = ("Any", "Literal", "NotRequired", "TypedDict")
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
LINE_LIMIT = 120  # the client's ruff line-length: what the generator writes passes its lint
INDENT = "    "
HEADER = '''"""Request and response types of the Mentora API.

Generated from the OpenAPI document by ``scripts/generate_types.py``; do not edit.
"""

from __future__ import annotations

from typing import {imports}

__all__ = [
{exports}]
'''

Schema = Mapping[str, Any]


def load_schemas(spec_path: Path) -> dict[str, Schema]:
    """The spec's component schemas, with schemas nested under a component's ``$defs`` hoisted.

    Some error-response schemas keep their detail models in ``$defs`` while referring to
    them as ``#/components/schemas/<Name>``; hoisting makes those references resolve.
    """
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    schemas: dict[str, Schema] = dict(spec.get("components", {}).get("schemas", {}))
    for schema in list(schemas.values()):
        for name, nested in schema.get("$defs", {}).items():
            schemas.setdefault(name, nested)
    return schemas


def default_names(schemas: Mapping[str, Schema]) -> list[str]:
    return sorted(name for name in schemas if not HAND_MODELLED.match(name))


def literal(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def annotation(schema: Schema) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "const" in schema:
        return f"Literal[{literal(schema['const'])}]"
    if "enum" in schema:
        return "Literal[" + ", ".join(literal(value) for value in schema["enum"]) + "]"
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            members: list[str] = []
            for member in schema[combinator]:
                rendered = annotation(member)
                if rendered not in members:
                    members.append(rendered)
            if "None" in members:  # nullable last, as people write it
                members.remove("None")
                members.append("None")
            return " | ".join(members)
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return annotation(schema["allOf"][0])
    kind = schema.get("type")
    if kind == "array":
        return f"list[{annotation(schema.get('items', {}))}]"
    if kind == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping) and extra and "properties" not in schema:
            return f"dict[str, {annotation(extra)}]"
        return "dict[str, Any]"
    if isinstance(kind, str) and kind in SCALARS:
        return SCALARS[kind]
    return "Any"


def top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` wherever it is outside brackets and string literals."""
    parts: list[str] = []
    depth, start, index, quoted = 0, 0, 0, False
    while index < len(text):
        char = text[index]
        if quoted:
            if char == "\\":
                index += 1
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0 and text.startswith(separator, index):
            parts.append(text[start:index].strip())
            index = start = index + len(separator)
            continue
        index += 1
    parts.append(text[start:].strip())
    return parts


def fit(text: str, indent: str, taken: int, *, bracketed: bool = False) -> str:
    """An annotation within the line limit, broken as ruff formats it: from the outside in,
    one item a line, only while a line is too long. ``taken``: the columns its first line
    starts at; ``bracketed``: already inside brackets, where a union needs no parentheses."""
    if taken + len(text) <= LINE_LIMIT:
        return text
    inner = indent + INDENT
    alternatives = top_level(text, " | ")
    if len(alternatives) > 1:
        if not bracketed:
            return f"(\n{inner}{fit(text, inner, len(inner), bracketed=True)}\n{indent})"
        first, *others = alternatives
        lines = [fit(first, indent, taken, bracketed=True)]
        lines += ["| " + fit(other, indent, len(indent) + 2, bracketed=True) for other in others]
        return f"\n{indent}".join(lines)
    head, bracket, rest = text.partition("[")
    if not bracket or not rest.endswith("]"):
        return text  # one name or literal: nothing to break
    items = top_level(rest[:-1], ",")
    comma = "," if len(items) > 1 else ""  # ``x[a,]`` would be a tuple
    body = "".join(f"{inner}{fit(item, inner, len(inner) + len(comma), bracketed=True)}{comma}\n" for item in items)
    return f"{head}[\n{body}{indent}]"


def render(name: str, schema: Schema) -> str:
    """One schema as Python source: a ``Literal`` alias for an enum, else a TypedDict."""
    if "enum" in schema:
        values = [literal(value) for value in schema["enum"]]
        return f"{name} = Literal[\n" + "".join(f"    {value},\n" for value in values) + "]"
    lines = [f"class {name}(TypedDict):"]
    description = schema.get("description")
    if description:
        docstring = description.strip().replace("\n", "\n    ")  # continuation lines indented as ruff wants
        lines.append(f'    """{docstring}"""')
        lines.append("")
    required = set(schema.get("required", []))
    properties: Mapping[str, Schema] = schema.get("properties", {})
    for field, field_schema in properties.items():
        if not field.isidentifier() or keyword.iskeyword(field):
            raise ValueError(f"{name}.{field} cannot be a TypedDict attribute; extend the generator")
        rendered = annotation(field_schema)
        declared = rendered if field in required else f"NotRequired[{rendered}]"
        lines.append(f"{INDENT}{field}: {fit(declared, INDENT, len(f'{INDENT}{field}: '))}")
    if not properties:
        lines.append("    pass")
    return "\n".join(lines)


def render_module(schemas: Mapping[str, Schema], names: Iterable[str]) -> str:
    ordered = sorted(names)
    missing = [name for name in ordered if name not in schemas]
    if missing:
        raise KeyError(f"not in the spec any more: {', '.join(missing)}")
    exports = "".join(f"    {json.dumps(name)},\n" for name in ordered)
    body = "\n\n\n".join(render(name, schemas[name]) for name in ordered)
    imports = ", ".join(name for name in TYPING_NAMES if re.search(rf"\b{name}\b", body))
    return HEADER.format(imports=imports, exports=exports) + "\n\n" + body + "\n"


def main(argv: list[str]) -> None:
    spec_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_SPEC
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    schemas = load_schemas(spec_path)
    output.write_text(render_module(schemas, default_names(schemas)), encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main(sys.argv)
