"""The static cost of an operation, and the page arguments every connection accepts — both checked before any resolver.

Cost is an upper bound on the objects the response can hold:
- a field returning an object (or an interface/union) costs 1 for that object, plus what its selections cost;
- a list multiplies the object and its selections by the page: the enclosing connection's `first`/`last` for its
  `edges`, and the page cap (GRAPHQL_MAX_PAGE_SIZE) for a plain list or a connection asked without `first`/`last`;
- scalars, enums and introspection (`__typename`, `__schema`, `__type`) cost nothing: they are read from an object
  already fetched (introspection is static, and off in production anyway).
Fragments are costed once per page size they are spread under (memoised); inline fragments and spreads add up,
except that those on different object types of an interface or union count as the dearest one (an item has one
type); `first`/`last` given as variables use the request's values (a missing variable: its default, else the cap).

Page arguments: `first`/`last` must be integers 0…GRAPHQL_MAX_PAGE_SIZE (`BAD_PAGINATION`) and `after`/`before` a
cursor this API issued (`INVALID_CURSOR`), on every field that takes them — so a mistake is a coded error up front,
not a masked failure inside the connection's resolver.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_object_type,
)
from graphql.language import ValueNode
from strawberry.relay.types import PREFIX as CURSOR_PREFIX

PAGE_SIZE_ARGUMENTS = ("first", "last")
CURSOR_ARGUMENTS = ("after", "before")


class OperationCost:
    """Walks one operation once, computing its cost and collecting page-argument errors on the way."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any] | None, *, max_page: int) -> None:
        self.schema = schema
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.variables = variables or {}
        self.max_page = max_page
        self.errors: dict[tuple[int, str], GraphQLError] = {}  # one per (field node, argument), however often spread
        self._defaults: dict[str, ValueNode] = {}
        self._memo: dict[tuple[str, int], int] = {}
        self._in_progress: set[str] = set()

    def of(self, operation: OperationDefinitionNode) -> int:
        self._defaults = {d.variable.name.value: d.default_value for d in operation.variable_definitions or () if d.default_value}
        root = self.schema.get_root_type(operation.operation)
        return self._selection_set(operation.selection_set, root, self.max_page) if root else 0

    def _selection_set(self, selection_set: SelectionSetNode, parent: GraphQLNamedType, page: int) -> int:
        """The cost of one object's selections; `page` is how many items a list field here holds.

        Fragments on different object types of an abstract parent exclude each other (an item has one type), so
        they count as the dearest of them; everything else is added."""
        total = 0
        exclusive: dict[str, int] = {}
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent, page)
                continue
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = (self.schema.get_type(condition.name.value) if condition else None) or parent
                cost = self._selection_set(selection.selection_set, target, page)
            else:
                definition = self.fragments.get(selection.name.value)
                target = self.schema.get_type(definition.type_condition.name.value) if definition else None
                cost = self._fragment(selection.name.value, page)
            if is_abstract_type(parent) and is_object_type(target):
                exclusive[target.name] = exclusive.get(target.name, 0) + cost
            else:
                total += cost
        return total + max(exclusive.values(), default=0)

    def _field(self, node: FieldNode, parent: GraphQLNamedType, page: int) -> int:
        name = node.name.value
        fields = getattr(parent, "fields", None) or {}
        if name.startswith("__") or name not in fields:
            return 0
        definition = fields[name]
        own_page = self._page_arguments(node, definition.args)
        target = get_named_type(definition.type)
        if is_leaf_type(target) or node.selection_set is None:
            return 0
        items = page if is_list_type(get_nullable_type(definition.type)) else 1
        inner_page = own_page if own_page is not None else self.max_page
        return items * (1 + self._selection_set(node.selection_set, target, inner_page))

    def _fragment(self, name: str, page: int) -> int:
        key = (name, page)
        if key in self._memo:
            return self._memo[key]
        definition = self.fragments.get(name)
        if definition is None or name in self._in_progress:
            return 0
        target = self.schema.get_type(definition.type_condition.name.value)
        if target is None:
            return 0
        self._in_progress.add(name)
        try:
            cost = self._selection_set(definition.selection_set, target, page)
        finally:
            self._in_progress.discard(name)
        self._memo[key] = cost
        return cost

    # Page arguments -------------------------------------------------------------------------------------------------

    def _value(self, node: ValueNode | None) -> Any:
        """A literal's value or a variable's (the request's, else the operation's default); None when absent/null."""
        if isinstance(node, VariableNode):
            name = node.name.value
            if name in self.variables:
                return self.variables[name]
            node = self._defaults.get(name)
        if node is None or isinstance(node, NullValueNode):
            return None
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, StringValueNode):
            return node.value
        return node  # another literal: the type check reports it

    def _page_arguments(self, node: FieldNode, defined: dict) -> int | None:
        """Check the field's page arguments; the page size it asks for (None: the default, the cap)."""
        given = {argument.name.value: self._value(argument.value) for argument in node.arguments or ()}
        sizes = []
        for name in PAGE_SIZE_ARGUMENTS:
            value = given.get(name)
            if name not in defined or value is None:
                continue
            if not isinstance(value, int) or isinstance(value, bool):
                continue  # not an Int: graphql's own coercion refuses it
            if not 0 <= value <= self.max_page:
                self._refuse(
                    node,
                    name,
                    f"`{name}` on `{node.name.value}` must be between 0 and {self.max_page}; got {value}.",
                    "BAD_PAGINATION",
                    maxPageSize=self.max_page,
                )
                continue
            sizes.append(value)
        for name in CURSOR_ARGUMENTS:
            value = given.get(name)
            if name in defined and isinstance(value, str) and value and not is_cursor(value):
                self._refuse(node, name, f"`{name}` on `{node.name.value}` is not a cursor from this list.", "INVALID_CURSOR")
        return min(sizes) if sizes else None

    def _refuse(self, node: FieldNode, argument: str, message: str, code: str, **extensions) -> None:
        key = (id(node), argument)
        if key not in self.errors:
            self.errors[key] = GraphQLError(message, [node], extensions={"code": code, "argument": argument, **extensions})


def is_cursor(value: str) -> bool:
    """A connection cursor as strawberry issues it: base64 of `arrayconnection:<offset ≥ 0>`."""
    try:
        prefix, _, offset = base64.b64decode(value.encode(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeError, ValueError):
        return False
    return prefix == CURSOR_PREFIX and offset.isdigit() and offset.isascii()
