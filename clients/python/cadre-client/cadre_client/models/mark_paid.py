from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MarkPaid")


@_attrs_define
class MarkPaid:
    """
    Attributes:
        reference (str): The settlement's reference (bank transfer id, remittance note; 1–200 characters).
    """

    reference: str

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference = d.pop("reference")

        mark_paid = cls(
            reference=reference,
        )

        return mark_paid
