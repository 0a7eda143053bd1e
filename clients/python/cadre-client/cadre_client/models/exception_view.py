from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExceptionView")


@_attrs_define
class ExceptionView:
    """
    Attributes:
        created_at (datetime.datetime):
        end (str):  Example: 2026-12-27T00:00:00.
        id (str): Opaque, time-sortable identifier: an availability exception id.
        kind (str): `time_off` or `extra_hours`.
        reason (str):
        start (str): Local wall-clock time in the schedule's zone, without an offset. Example: 2026-12-24T00:00:00.
    """

    created_at: datetime.datetime
    end: str
    id: str
    kind: str
    reason: str
    start: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        end = self.end

        id = self.id

        kind = self.kind

        reason = self.reason

        start = self.start

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "end": end,
                "id": id,
                "kind": kind,
                "reason": reason,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        end = d.pop("end")

        id = d.pop("id")

        kind = d.pop("kind")

        reason = d.pop("reason")

        start = d.pop("start")

        exception_view = cls(
            created_at=created_at,
            end=end,
            id=id,
            kind=kind,
            reason=reason,
            start=start,
        )

        exception_view.additional_properties = d
        return exception_view

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
