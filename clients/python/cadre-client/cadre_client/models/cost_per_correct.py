from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CostPerCorrect")


@_attrs_define
class CostPerCorrect:
    """
    Attributes:
        billed_minor (int): Billed for the vendor's answers on the common items in this currency (minor units).
        correct (int): Correct answers among those billed in this currency.
        currency (str):
        per_correct_minor (int | None | Unset): `billed_minor / correct`, rounded; null without a correct answer.
    """

    billed_minor: int
    correct: int
    currency: str
    per_correct_minor: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billed_minor = self.billed_minor

        correct = self.correct

        currency = self.currency

        per_correct_minor: int | None | Unset
        if isinstance(self.per_correct_minor, Unset):
            per_correct_minor = UNSET
        else:
            per_correct_minor = self.per_correct_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billed_minor": billed_minor,
                "correct": correct,
                "currency": currency,
            }
        )
        if per_correct_minor is not UNSET:
            field_dict["per_correct_minor"] = per_correct_minor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        billed_minor = d.pop("billed_minor")

        correct = d.pop("correct")

        currency = d.pop("currency")

        def _parse_per_correct_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_correct_minor = _parse_per_correct_minor(d.pop("per_correct_minor", UNSET))

        cost_per_correct = cls(
            billed_minor=billed_minor,
            correct=correct,
            currency=currency,
            per_correct_minor=per_correct_minor,
        )

        cost_per_correct.additional_properties = d
        return cost_per_correct

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
