from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.slice_dashboard import SliceDashboard


T = TypeVar("T", bound="RosterDashboard")


@_attrs_define
class RosterDashboard:
    """
    Attributes:
        experts_on_roster (int):
        from_ (datetime.datetime): The period: from the first week's Monday to the end of the last week (UTC).
        slices (list[SliceDashboard]):
        until (datetime.datetime):
        vendor_id (str): Opaque, time-sortable identifier: an organization id.
    """

    experts_on_roster: int
    from_: datetime.datetime
    slices: list[SliceDashboard]
    until: datetime.datetime
    vendor_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        experts_on_roster = self.experts_on_roster

        from_ = self.from_.isoformat()

        slices = []
        for slices_item_data in self.slices:
            slices_item = slices_item_data.to_dict()
            slices.append(slices_item)

        until = self.until.isoformat()

        vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "experts_on_roster": experts_on_roster,
                "from": from_,
                "slices": slices,
                "until": until,
                "vendor_id": vendor_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.slice_dashboard import SliceDashboard  # noqa: PLC0415

        d = dict(src_dict)
        experts_on_roster = d.pop("experts_on_roster")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        slices = []
        _slices = d.pop("slices")
        for slices_item_data in _slices:
            slices_item = SliceDashboard.from_dict(slices_item_data)

            slices.append(slices_item)

        until = datetime.datetime.fromisoformat(d.pop("until"))

        vendor_id = d.pop("vendor_id")

        roster_dashboard = cls(
            experts_on_roster=experts_on_roster,
            from_=from_,
            slices=slices,
            until=until,
            vendor_id=vendor_id,
        )

        roster_dashboard.additional_properties = d
        return roster_dashboard

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
