from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CurrencyEarnings")


@_attrs_define
class CurrencyEarnings:
    """
    Attributes:
        currency (str):
        in_payouts_minor (int): In payouts not yet confirmed (pending or submitted).
        paid_minor (int): Paid out so far.
        payable_minor (int): Approved and not yet in a payout.
    """

    currency: str
    in_payouts_minor: int
    paid_minor: int
    payable_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        in_payouts_minor = self.in_payouts_minor

        paid_minor = self.paid_minor

        payable_minor = self.payable_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "in_payouts_minor": in_payouts_minor,
                "paid_minor": paid_minor,
                "payable_minor": payable_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        in_payouts_minor = d.pop("in_payouts_minor")

        paid_minor = d.pop("paid_minor")

        payable_minor = d.pop("payable_minor")

        currency_earnings = cls(
            currency=currency,
            in_payouts_minor=in_payouts_minor,
            paid_minor=paid_minor,
            payable_minor=payable_minor,
        )

        currency_earnings.additional_properties = d
        return currency_earnings

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
