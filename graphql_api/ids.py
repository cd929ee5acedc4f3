"""Opaque Relay IDs in, database keys out."""

from __future__ import annotations

from strawberry import relay

from marketplace.errors import NotFound


def decode(global_id: relay.GlobalID | str, type_name: str) -> int:
    """The primary key behind a global ID of `type_name`; NotFound for anything else (wrong type, garbage)."""
    try:
        gid = global_id if isinstance(global_id, relay.GlobalID) else relay.GlobalID.from_id(global_id)
        if gid.type_name != type_name:
            raise ValueError(gid.type_name)
        return int(gid.node_id)
    except (ValueError, TypeError):
        raise NotFound(type_name[:1].lower() + type_name[1:]) from None
