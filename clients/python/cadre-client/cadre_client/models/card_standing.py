from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slice_status import SliceStatus
from ..models.tier import Tier

T = TypeVar("T", bound="CardStanding")


@_attrs_define
class CardStanding:
    """An expert's status and tier in one slice, as labs see it (no admin reasons).

    Attributes:
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):  Example: code/rust-review.
        status (SliceStatus):
        tier (Tier):
    """

    slice_id: str
    slice_key: str
    status: SliceStatus
    tier: Tier
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slice_id = self.slice_id

        slice_key = self.slice_key

        status = self.status.value

        tier = self.tier.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slice_id": slice_id,
                "slice_key": slice_key,
                "status": status,
                "tier": tier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        status = SliceStatus(d.pop("status"))

        tier = Tier(d.pop("tier"))

        card_standing = cls(
            slice_id=slice_id,
            slice_key=slice_key,
            status=status,
            tier=tier,
        )

        card_standing.additional_properties = d
        return card_standing

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
