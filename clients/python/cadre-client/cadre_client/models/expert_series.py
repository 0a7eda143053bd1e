from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.expert_week import ExpertWeek


T = TypeVar("T", bound="ExpertSeries")


@_attrs_define
class ExpertSeries:
    """
    Attributes:
        display_name (str):
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        handle (str):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):
        status (str):
        tier (str):
        weeks (list[ExpertWeek]): Each week of the period, oldest first.
    """

    display_name: str
    expert_id: str
    handle: str
    slice_id: str
    slice_key: str
    status: str
    tier: str
    weeks: list[ExpertWeek]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        expert_id = self.expert_id

        handle = self.handle

        slice_id = self.slice_id

        slice_key = self.slice_key

        status = self.status

        tier = self.tier

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "expert_id": expert_id,
                "handle": handle,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "status": status,
                "tier": tier,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expert_week import ExpertWeek  # noqa: PLC0415

        d = dict(src_dict)
        display_name = d.pop("display_name")

        expert_id = d.pop("expert_id")

        handle = d.pop("handle")

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        status = d.pop("status")

        tier = d.pop("tier")

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = ExpertWeek.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        expert_series = cls(
            display_name=display_name,
            expert_id=expert_id,
            handle=handle,
            slice_id=slice_id,
            slice_key=slice_key,
            status=status,
            tier=tier,
            weeks=weeks,
        )

        expert_series.additional_properties = d
        return expert_series

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
