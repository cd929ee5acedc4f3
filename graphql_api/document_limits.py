"""Depth, alias and fragment-spread limits whose work is linear in the document.

strawberry's QueryDepthLimiter and MaxAliasesLimiter walk a fragment again at every spread, so a document whose
fragments each spread the next one twice (`F1 { ...F2 ...F2 }`, `F2 { ...F3 ...F3 }` …) costs 2^levels steps. Here each
fragment is measured once and its counts are reused at every spread (memoised); the counts themselves are what the
inlined document would have (same limits, same messages as strawberry's), so an exponential expansion is reported,
never walked.

- depth: the nesting of the deepest field below the operation's root fields (introspection fields end the count);
  more than GRAPHQL_MAX_DEPTH → `QUERY_TOO_DEEP`.
- aliases: every aliased field of the inlined document; more than GRAPHQL_MAX_ALIASES → `TOO_MANY_ALIASES`.
- fragment spreads: how many spreads the inlined document would expand; more than GRAPHQL_MAX_FRAGMENT_SPREADS →
  `QUERY_TOO_COMPLEX`. A client reuses fragments a handful of times; only a document built to multiply itself
  reaches the budget (even with nothing but `__typename` at its leaves).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)


@dataclass(frozen=True)
class Counts:
    depth: int = 0
    aliases: int = 0
    spreads: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(max(self.depth, other.depth), self.aliases + other.aliases, self.spreads + other.spreads)


class DocumentCounter:
    """Counts of the inlined document, computed with each fragment definition visited once."""

    def __init__(self, document: DocumentNode):
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self._memo: dict[str, Counts] = {}
        self._in_progress: set[str] = set()  # a fragment cycle (NoFragmentCyclesRule reports it) counts nothing more

    def selection_set(self, selection_set: SelectionSetNode) -> Counts:
        counts = Counts()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                counts += self._field(selection)
            elif isinstance(selection, InlineFragmentNode):
                counts += self.selection_set(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                inner = self.fragment(selection.name.value)
                counts += Counts(inner.depth, inner.aliases, inner.spreads + 1)
        return counts

    def _field(self, field: FieldNode) -> Counts:
        alias = 1 if field.alias else 0
        if field.selection_set is None:
            return Counts(0, alias, 0)
        inner = self.selection_set(field.selection_set)
        # Like strawberry's limiter: an introspection field is a leaf for depth (its own selections are not counted).
        depth = 0 if field.name.value.startswith("__") else 1 + inner.depth
        return Counts(depth, inner.aliases + alias, inner.spreads)

    def fragment(self, name: str) -> Counts:
        if name in self._memo:
            return self._memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self._in_progress:
            return Counts()
        self._in_progress.add(name)
        try:
            counts = self.selection_set(definition.selection_set)
        finally:
            self._in_progress.discard(name)
        self._memo[name] = counts
        return counts


def too_complex(message: str, nodes=None, **extensions) -> GraphQLError:
    return GraphQLError(message, nodes, extensions={"code": "QUERY_TOO_COMPLEX", **extensions})


class DocumentLimitsRule(ValidationRule):
    """One memoised pass over the document when validation starts; the limits are read per operation."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        document = context.document
        counter = DocumentCounter(document)
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        max_depth, max_aliases = settings.GRAPHQL_MAX_DEPTH, settings.GRAPHQL_MAX_ALIASES
        max_spreads = settings.GRAPHQL_MAX_FRAGMENT_SPREADS
        try:
            per_operation = [(operation, counter.selection_set(operation.selection_set)) for operation in operations]
        except RecursionError:  # nested beyond Python's stack: far beyond any limit
            context.report_error(too_complex("The operation is nested too deeply."))
            return
        for operation, counts in per_operation:
            if counts.depth > max_depth:
                name = operation.name.value if operation.name else "anonymous"
                context.report_error(
                    GraphQLError(
                        f"'{name}' exceeds maximum operation depth of {max_depth}",
                        [operation],
                        extensions={"code": "QUERY_TOO_DEEP", "depth": counts.depth, "maxDepth": max_depth},
                    )
                )
        aliases = sum(counts.aliases for _, counts in per_operation)
        if aliases > max_aliases:
            context.report_error(
                GraphQLError(
                    f"{aliases} aliases found. Allowed: {max_aliases}",
                    extensions={"code": "TOO_MANY_ALIASES", "aliases": aliases, "maxAliases": max_aliases},
                )
            )
        spreads = sum(counts.spreads for _, counts in per_operation)
        if spreads > max_spreads:
            context.report_error(
                too_complex(
                    f"The operation expands {spreads} fragment spreads. Allowed: {max_spreads}",
                    fragmentSpreads=spreads,
                    maxFragmentSpreads=max_spreads,
                )
            )
