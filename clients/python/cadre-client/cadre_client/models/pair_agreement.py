from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PairAgreement")


@_attrs_define
class PairAgreement:
    """
    Attributes:
        pairs (int): Cross-vendor answer pairs on the same common item (one answer of each vendor).
        vendor_a (str):
        vendor_b (str):
        rate (float | None | Unset): Share of those pairs with the same label; null without pairs.
    """

    pairs: int
    vendor_a: str
    vendor_b: str
    rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pairs = self.pairs

        vendor_a = self.vendor_a

        vendor_b = self.vendor_b

        rate: float | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pairs": pairs,
                "vendor_a": vendor_a,
                "vendor_b": vendor_b,
            }
        )
        if rate is not UNSET:
            field_dict["rate"] = rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pairs = d.pop("pairs")

        vendor_a = d.pop("vendor_a")

        vendor_b = d.pop("vendor_b")

        def _parse_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        pair_agreement = cls(
            pairs=pairs,
            vendor_a=vendor_a,
            vendor_b=vendor_b,
            rate=rate,
        )

        pair_agreement.additional_properties = d
        return pair_agreement

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
