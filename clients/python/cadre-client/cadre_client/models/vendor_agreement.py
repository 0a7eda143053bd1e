from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VendorAgreement")


@_attrs_define
class VendorAgreement:
    """
    Attributes:
        margin_bps (int): The vendor's margin in basis points of the bill (0–10000, and with the platform
            fee at most the whole bill).
    """

    margin_bps: int

    def to_dict(self) -> dict[str, Any]:
        margin_bps = self.margin_bps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "margin_bps": margin_bps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        margin_bps = d.pop("margin_bps")

        vendor_agreement = cls(
            margin_bps=margin_bps,
        )

        return vendor_agreement
