from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.expert_series import ExpertSeries


T = TypeVar("T", bound="RosterExperts")


@_attrs_define
class RosterExperts:
    """
    Attributes:
        data (list[ExpertSeries]): One series per expert of the roster and slice, by slice key then handle.
        from_ (datetime.datetime):
        until (datetime.datetime):
        vendor_id (str): Opaque, time-sortable identifier: an organization id.
    """

    data: list[ExpertSeries]
    from_: datetime.datetime
    until: datetime.datetime
    vendor_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        from_ = self.from_.isoformat()

        until = self.until.isoformat()

        vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "from": from_,
                "until": until,
                "vendor_id": vendor_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expert_series import ExpertSeries  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = ExpertSeries.from_dict(data_item_data)

            data.append(data_item)

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        vendor_id = d.pop("vendor_id")

        roster_experts = cls(
            data=data,
            from_=from_,
            until=until,
            vendor_id=vendor_id,
        )

        roster_experts.additional_properties = d
        return roster_experts

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
