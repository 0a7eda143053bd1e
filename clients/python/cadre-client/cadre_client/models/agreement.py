from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Agreement")


@_attrs_define
class Agreement:
    """
    Attributes:
        experts (int):
        fleiss_items (int): Items Fleiss' kappa was computed over.
        items (int): Resolved items in the window with at least two judgments.
        judgments (int):
        fleiss_kappa (float | None | Unset): Fleiss' kappa over the items with the most common number of judgments
            (Fleiss needs
            the same number per item); null when undefined.
        krippendorff_alpha (float | None | Unset): Krippendorff's alpha at the slice's measurement level; null when
            undefined (fewer
            than two pairable judgments, or one class throughout).
    """

    experts: int
    fleiss_items: int
    items: int
    judgments: int
    fleiss_kappa: float | None | Unset = UNSET
    krippendorff_alpha: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        experts = self.experts

        fleiss_items = self.fleiss_items

        items = self.items

        judgments = self.judgments

        fleiss_kappa: float | None | Unset
        if isinstance(self.fleiss_kappa, Unset):
            fleiss_kappa = UNSET
        else:
            fleiss_kappa = self.fleiss_kappa

        krippendorff_alpha: float | None | Unset
        if isinstance(self.krippendorff_alpha, Unset):
            krippendorff_alpha = UNSET
        else:
            krippendorff_alpha = self.krippendorff_alpha

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "experts": experts,
                "fleiss_items": fleiss_items,
                "items": items,
                "judgments": judgments,
            }
        )
        if fleiss_kappa is not UNSET:
            field_dict["fleiss_kappa"] = fleiss_kappa
        if krippendorff_alpha is not UNSET:
            field_dict["krippendorff_alpha"] = krippendorff_alpha

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        experts = d.pop("experts")

        fleiss_items = d.pop("fleiss_items")

        items = d.pop("items")

        judgments = d.pop("judgments")

        def _parse_fleiss_kappa(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        fleiss_kappa = _parse_fleiss_kappa(d.pop("fleiss_kappa", UNSET))

        def _parse_krippendorff_alpha(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        krippendorff_alpha = _parse_krippendorff_alpha(d.pop("krippendorff_alpha", UNSET))

        agreement = cls(
            experts=experts,
            fleiss_items=fleiss_items,
            items=items,
            judgments=judgments,
            fleiss_kappa=fleiss_kappa,
            krippendorff_alpha=krippendorff_alpha,
        )

        agreement.additional_properties = d
        return agreement

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
