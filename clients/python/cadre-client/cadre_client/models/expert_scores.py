from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.slice_scores import SliceScores


T = TypeVar("T", bound="ExpertScores")


@_attrs_define
class ExpertScores:
    """
    Attributes:
        as_of (datetime.datetime):
        credible_level (float):
        data (list[SliceScores]):
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        half_life_days (float): Half-life of the decay, in days.
    """

    as_of: datetime.datetime
    credible_level: float
    data: list[SliceScores]
    expert_id: str
    half_life_days: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        credible_level = self.credible_level

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        expert_id = self.expert_id

        half_life_days = self.half_life_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "credible_level": credible_level,
                "data": data,
                "expert_id": expert_id,
                "half_life_days": half_life_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.slice_scores import SliceScores  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        credible_level = d.pop("credible_level")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = SliceScores.from_dict(data_item_data)

            data.append(data_item)

        expert_id = d.pop("expert_id")

        half_life_days = d.pop("half_life_days")

        expert_scores = cls(
            as_of=as_of,
            credible_level=credible_level,
            data=data,
            expert_id=expert_id,
            half_life_days=half_life_days,
        )

        expert_scores.additional_properties = d
        return expert_scores

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
