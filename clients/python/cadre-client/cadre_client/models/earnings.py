from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.currency_earnings import CurrencyEarnings
    from ..models.week_earnings import WeekEarnings


T = TypeVar("T", bound="Earnings")


@_attrs_define
class Earnings:
    """
    Attributes:
        balances (list[CurrencyEarnings]):
        weeks (list[WeekEarnings]): The latest 26 weeks with approved timesheets, newest first.
    """

    balances: list[CurrencyEarnings]
    weeks: list[WeekEarnings]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balances = []
        for balances_item_data in self.balances:
            balances_item = balances_item_data.to_dict()
            balances.append(balances_item)

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balances": balances,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.currency_earnings import CurrencyEarnings  # noqa: PLC0415
        from ..models.week_earnings import WeekEarnings  # noqa: PLC0415

        d = dict(src_dict)
        balances = []
        _balances = d.pop("balances")
        for balances_item_data in _balances:
            balances_item = CurrencyEarnings.from_dict(balances_item_data)

            balances.append(balances_item)

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = WeekEarnings.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        earnings = cls(
            balances=balances,
            weeks=weeks,
        )

        earnings.additional_properties = d
        return earnings

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
