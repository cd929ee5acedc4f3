"""The web client's GraphQL documents, read from its sources the way its codegen reads them.

Every `graphql(`…`)` template in `web-client/src/**/*.{ts,tsx}` (the generated `src/gql/` excluded); each operation is
sent with the definitions of the fragments it spreads, directly or through other fragments (the client preset does
the same), so a test over `operations()` covers exactly what the browser can send.
"""

from __future__ import annotations

import re
from pathlib import Path

from graphql import FragmentDefinitionNode, FragmentSpreadNode, OperationDefinitionNode, parse, print_ast, visit
from graphql.language import Visitor

SOURCES = Path(__file__).resolve().parents[2] / "web-client" / "src"
TEMPLATE = re.compile(r"graphql\(\s*`([^`]*)`\s*\)")


def _definitions() -> list:
    found = []
    for path in sorted([*SOURCES.rglob("*.ts"), *SOURCES.rglob("*.tsx")]):
        if "gql" in path.relative_to(SOURCES).parts[:1]:
            continue
        for body in TEMPLATE.findall(path.read_text(encoding="utf-8")):
            found.extend(parse(body).definitions)
    return found


def _spreads(node) -> set[str]:
    names: set[str] = set()

    class Collect(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_):
            names.add(spread.name.value)

    visit(node, Collect())
    return names


def operations() -> dict[str, str]:
    """Operation name → the document the client sends for it."""
    definitions = _definitions()
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    documents = {}
    for operation in (d for d in definitions if isinstance(d, OperationDefinitionNode)):
        needed, pending = [], sorted(_spreads(operation))
        while pending:
            name = pending.pop()
            if name in needed:
                continue
            needed.append(name)
            pending.extend(sorted(_spreads(fragments[name]) - set(needed)))
        parts = [print_ast(operation)] + [print_ast(fragments[name]) for name in sorted(needed)]
        documents[operation.name.value] = "\n".join(parts)
    return documents
