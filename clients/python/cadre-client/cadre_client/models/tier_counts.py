from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TierCounts")


@_attrs_define
class TierCounts:
    """
    Attributes:
        adjudicator (int):
        annotator (int):
        senior (int):
    """

    adjudicator: int
    annotator: int
    senior: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjudicator = self.adjudicator

        annotator = self.annotator

        senior = self.senior

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudicator": adjudicator,
                "annotator": annotator,
                "senior": senior,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjudicator = d.pop("adjudicator")

        annotator = d.pop("annotator")

        senior = d.pop("senior")

        tier_counts = cls(
            adjudicator=adjudicator,
            annotator=annotator,
            senior=senior,
        )

        tier_counts.additional_properties = d
        return tier_counts

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
