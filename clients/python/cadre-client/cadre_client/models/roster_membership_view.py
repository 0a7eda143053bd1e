from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RosterMembershipView")


@_attrs_define
class RosterMembershipView:
    """
    Attributes:
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        id (str): Opaque, time-sortable identifier: a roster membership id.
        joined_at (datetime.datetime):
        joined_via (str): `applied` (applied with the vendor's invitation), `invitation` or `transfer`.
        vendor_id (str): Opaque, time-sortable identifier: an organization id.
        left_at (datetime.datetime | None | Unset): Null while the expert is on this roster.
        left_note (None | str | Unset):
        left_reason (None | str | Unset): `removed` (by the vendor), `left` (the expert) or `transferred`.
    """

    expert_id: str
    id: str
    joined_at: datetime.datetime
    joined_via: str
    vendor_id: str
    left_at: datetime.datetime | None | Unset = UNSET
    left_note: None | str | Unset = UNSET
    left_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert_id = self.expert_id

        id = self.id

        joined_at = self.joined_at.isoformat()

        joined_via = self.joined_via

        vendor_id = self.vendor_id

        left_at: None | str | Unset
        if isinstance(self.left_at, Unset):
            left_at = UNSET
        elif isinstance(self.left_at, datetime.datetime):
            left_at = self.left_at.isoformat()
        else:
            left_at = self.left_at

        left_note: None | str | Unset
        if isinstance(self.left_note, Unset):
            left_note = UNSET
        else:
            left_note = self.left_note

        left_reason: None | str | Unset
        if isinstance(self.left_reason, Unset):
            left_reason = UNSET
        else:
            left_reason = self.left_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert_id": expert_id,
                "id": id,
                "joined_at": joined_at,
                "joined_via": joined_via,
                "vendor_id": vendor_id,
            }
        )
        if left_at is not UNSET:
            field_dict["left_at"] = left_at
        if left_note is not UNSET:
            field_dict["left_note"] = left_note
        if left_reason is not UNSET:
            field_dict["left_reason"] = left_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = d.pop("expert_id")

        id = d.pop("id")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        joined_via = d.pop("joined_via")

        vendor_id = d.pop("vendor_id")

        def _parse_left_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_at_type_0 = datetime.datetime.fromisoformat(data)

                return left_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        left_at = _parse_left_at(d.pop("left_at", UNSET))

        def _parse_left_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        left_note = _parse_left_note(d.pop("left_note", UNSET))

        def _parse_left_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        left_reason = _parse_left_reason(d.pop("left_reason", UNSET))

        roster_membership_view = cls(
            expert_id=expert_id,
            id=id,
            joined_at=joined_at,
            joined_via=joined_via,
            vendor_id=vendor_id,
            left_at=left_at,
            left_note=left_note,
            left_reason=left_reason,
        )

        roster_membership_view.additional_properties = d
        return roster_membership_view

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
