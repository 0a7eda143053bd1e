from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.slice_coverage import SliceCoverage


T = TypeVar("T", bound="RosterCoverage")


@_attrs_define
class RosterCoverage:
    """
    Attributes:
        adjudicator_floor (float): `scoring.adjudicator_min_lower_bound`.
        data (list[SliceCoverage]): One entry per slice where an expert of the roster has a standing, by slice key.
        vendor_id (str): Opaque, time-sortable identifier: an organization id.
    """

    adjudicator_floor: float
    data: list[SliceCoverage]
    vendor_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjudicator_floor = self.adjudicator_floor

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudicator_floor": adjudicator_floor,
                "data": data,
                "vendor_id": vendor_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.slice_coverage import SliceCoverage  # noqa: PLC0415

        d = dict(src_dict)
        adjudicator_floor = d.pop("adjudicator_floor")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = SliceCoverage.from_dict(data_item_data)

            data.append(data_item)

        vendor_id = d.pop("vendor_id")

        roster_coverage = cls(
            adjudicator_floor=adjudicator_floor,
            data=data,
            vendor_id=vendor_id,
        )

        roster_coverage.additional_properties = d
        return roster_coverage

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
