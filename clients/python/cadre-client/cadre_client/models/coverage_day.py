from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoverageDay")


@_attrs_define
class CoverageDay:
    """
    Attributes:
        confirmed_minutes (int): Minutes of confirmed shifts.
        date (datetime.date): The UTC date.
        offered_minutes (int): Minutes of shifts offered and not yet confirmed.
        requested_minutes (int): This day's share of the requested minutes (rounded to whole minutes).
    """

    confirmed_minutes: int
    date: datetime.date
    offered_minutes: int
    requested_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmed_minutes = self.confirmed_minutes

        date = self.date.isoformat()

        offered_minutes = self.offered_minutes

        requested_minutes = self.requested_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmed_minutes": confirmed_minutes,
                "date": date,
                "offered_minutes": offered_minutes,
                "requested_minutes": requested_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirmed_minutes = d.pop("confirmed_minutes")

        date = datetime.date.fromisoformat(d.pop("date"))

        offered_minutes = d.pop("offered_minutes")

        requested_minutes = d.pop("requested_minutes")

        coverage_day = cls(
            confirmed_minutes=confirmed_minutes,
            date=date,
            offered_minutes=offered_minutes,
            requested_minutes=requested_minutes,
        )

        coverage_day.additional_properties = d
        return coverage_day

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
