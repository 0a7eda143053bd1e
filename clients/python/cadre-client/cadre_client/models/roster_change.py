from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RosterChange")


@_attrs_define
class RosterChange:
    """
    Attributes:
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        previous_vendor_id (None | str | Unset):
        vendor_id (None | str | Unset):
    """

    expert_id: str
    previous_vendor_id: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert_id = self.expert_id

        previous_vendor_id: None | str | Unset
        if isinstance(self.previous_vendor_id, Unset):
            previous_vendor_id = UNSET
        else:
            previous_vendor_id = self.previous_vendor_id

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        else:
            vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert_id": expert_id,
            }
        )
        if previous_vendor_id is not UNSET:
            field_dict["previous_vendor_id"] = previous_vendor_id
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = d.pop("expert_id")

        def _parse_previous_vendor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_vendor_id = _parse_previous_vendor_id(d.pop("previous_vendor_id", UNSET))

        def _parse_vendor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id", UNSET))

        roster_change = cls(
            expert_id=expert_id,
            previous_vendor_id=previous_vendor_id,
            vendor_id=vendor_id,
        )

        roster_change.additional_properties = d
        return roster_change

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
