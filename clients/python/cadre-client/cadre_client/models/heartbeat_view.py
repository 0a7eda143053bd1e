from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HeartbeatView")


@_attrs_define
class HeartbeatView:
    """
    Attributes:
        active_seconds (int): Measured working time so far.
        due_at (datetime.datetime):
        idle_limit_secs (int): A gap between heartbeats longer than this ends a work session.
    """

    active_seconds: int
    due_at: datetime.datetime
    idle_limit_secs: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_seconds = self.active_seconds

        due_at = self.due_at.isoformat()

        idle_limit_secs = self.idle_limit_secs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_seconds": active_seconds,
                "due_at": due_at,
                "idle_limit_secs": idle_limit_secs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active_seconds = d.pop("active_seconds")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        idle_limit_secs = d.pop("idle_limit_secs")

        heartbeat_view = cls(
            active_seconds=active_seconds,
            due_at=due_at,
            idle_limit_secs=idle_limit_secs,
        )

        heartbeat_view.additional_properties = d
        return heartbeat_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
