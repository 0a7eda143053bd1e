from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DawidSkeneSummary")


@_attrs_define
class DawidSkeneSummary:
    """
    Attributes:
        items (int): Items the model was fitted on (two or more judgments).
        agreement_with_final_labels (float | None | Unset): Share of those items whose most likely label (from the
            experts' confusion matrices)
            equals the label Cadre resolved; null when none had a final label.
    """

    items: int
    agreement_with_final_labels: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = self.items

        agreement_with_final_labels: float | None | Unset
        if isinstance(self.agreement_with_final_labels, Unset):
            agreement_with_final_labels = UNSET
        else:
            agreement_with_final_labels = self.agreement_with_final_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if agreement_with_final_labels is not UNSET:
            field_dict["agreement_with_final_labels"] = agreement_with_final_labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items = d.pop("items")

        def _parse_agreement_with_final_labels(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        agreement_with_final_labels = _parse_agreement_with_final_labels(d.pop("agreement_with_final_labels", UNSET))

        dawid_skene_summary = cls(
            items=items,
            agreement_with_final_labels=agreement_with_final_labels,
        )

        dawid_skene_summary.additional_properties = d
        return dawid_skene_summary

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
