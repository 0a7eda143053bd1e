from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pair_agreement import PairAgreement
    from ..models.vendor_result import VendorResult


T = TypeVar("T", bound="Comparison")


@_attrs_define
class Comparison:
    """
    Attributes:
        agreement (list[PairAgreement]):
        common_items (int): Gold items answered by every compared vendor: the only ones that count.
        excluded_items (int): Gold items answered by some but not all of the vendors (left out).
        vendors (list[VendorResult]):
    """

    agreement: list[PairAgreement]
    common_items: int
    excluded_items: int
    vendors: list[VendorResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement = []
        for agreement_item_data in self.agreement:
            agreement_item = agreement_item_data.to_dict()
            agreement.append(agreement_item)

        common_items = self.common_items

        excluded_items = self.excluded_items

        vendors = []
        for vendors_item_data in self.vendors:
            vendors_item = vendors_item_data.to_dict()
            vendors.append(vendors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement": agreement,
                "common_items": common_items,
                "excluded_items": excluded_items,
                "vendors": vendors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pair_agreement import PairAgreement  # noqa: PLC0415
        from ..models.vendor_result import VendorResult  # noqa: PLC0415

        d = dict(src_dict)
        agreement = []
        _agreement = d.pop("agreement")
        for agreement_item_data in _agreement:
            agreement_item = PairAgreement.from_dict(agreement_item_data)

            agreement.append(agreement_item)

        common_items = d.pop("common_items")

        excluded_items = d.pop("excluded_items")

        vendors = []
        _vendors = d.pop("vendors")
        for vendors_item_data in _vendors:
            vendors_item = VendorResult.from_dict(vendors_item_data)

            vendors.append(vendors_item)

        comparison = cls(
            agreement=agreement,
            common_items=common_items,
            excluded_items=excluded_items,
            vendors=vendors,
        )

        comparison.additional_properties = d
        return comparison

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
