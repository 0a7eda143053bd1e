from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BookedView")


@_attrs_define
class BookedView:
    """
    Attributes:
        ends_at (datetime.datetime):
        shift_id (str): Opaque, time-sortable identifier: a shift id.
        starts_at (datetime.datetime):
        status (str):
    """

    ends_at: datetime.datetime
    shift_id: str
    starts_at: datetime.datetime
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        shift_id = self.shift_id

        starts_at = self.starts_at.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_at": ends_at,
                "shift_id": shift_id,
                "starts_at": starts_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        shift_id = d.pop("shift_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = d.pop("status")

        booked_view = cls(
            ends_at=ends_at,
            shift_id=shift_id,
            starts_at=starts_at,
            status=status,
        )

        booked_view.additional_properties = d
        return booked_view

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
