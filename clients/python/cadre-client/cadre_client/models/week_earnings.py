from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WeekEarnings")


@_attrs_define
class WeekEarnings:
    """
    Attributes:
        currency (str):
        floor_top_up_minor (int):
        pay_minor (int): Approved pay of the week, with any pay-floor top-up.
        seconds (int):
        week_start (datetime.datetime):
        effective_hourly_minor (int | None | Unset): Pay per hour worked over the week's approved timesheets.
    """

    currency: str
    floor_top_up_minor: int
    pay_minor: int
    seconds: int
    week_start: datetime.datetime
    effective_hourly_minor: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        floor_top_up_minor = self.floor_top_up_minor

        pay_minor = self.pay_minor

        seconds = self.seconds

        week_start = self.week_start.isoformat()

        effective_hourly_minor: int | None | Unset
        if isinstance(self.effective_hourly_minor, Unset):
            effective_hourly_minor = UNSET
        else:
            effective_hourly_minor = self.effective_hourly_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "floor_top_up_minor": floor_top_up_minor,
                "pay_minor": pay_minor,
                "seconds": seconds,
                "week_start": week_start,
            }
        )
        if effective_hourly_minor is not UNSET:
            field_dict["effective_hourly_minor"] = effective_hourly_minor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        floor_top_up_minor = d.pop("floor_top_up_minor")

        pay_minor = d.pop("pay_minor")

        seconds = d.pop("seconds")

        week_start = datetime.datetime.fromisoformat(d.pop("week_start"))

        def _parse_effective_hourly_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        effective_hourly_minor = _parse_effective_hourly_minor(d.pop("effective_hourly_minor", UNSET))

        week_earnings = cls(
            currency=currency,
            floor_top_up_minor=floor_top_up_minor,
            pay_minor=pay_minor,
            seconds=seconds,
            week_start=week_start,
            effective_hourly_minor=effective_hourly_minor,
        )

        week_earnings.additional_properties = d
        return week_earnings

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
