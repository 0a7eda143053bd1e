from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.standing_view import StandingView


T = TypeVar("T", bound="BulkTierResult")


@_attrs_define
class BulkTierResult:
    """
    Attributes:
        changed (int): Changes that moved a tier.
        data (list[StandingView]): The standing after the request, one per change, in request order.
        unchanged (int): Changes that asked for the tier the expert already had (nothing written).
    """

    changed: int
    data: list[StandingView]
    unchanged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "data": data,
                "unchanged": unchanged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.standing_view import StandingView  # noqa: PLC0415

        d = dict(src_dict)
        changed = d.pop("changed")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = StandingView.from_dict(data_item_data)

            data.append(data_item)

        unchanged = d.pop("unchanged")

        bulk_tier_result = cls(
            changed=changed,
            data=data,
            unchanged=unchanged,
        )

        bulk_tier_result.additional_properties = d
        return bulk_tier_result

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
