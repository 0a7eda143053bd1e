from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cost_per_correct import CostPerCorrect


T = TypeVar("T", bound="VendorResult")


@_attrs_define
class VendorResult:
    """
    Attributes:
        answers (int): Answers on the common items.
        correct (int):
        cost (list[CostPerCorrect]): Routed gold only (calibration answers are not billed to a lab).
        experts (int): Experts whose answers count.
        name (str): The vendor's name (filled in by the caller).
        vendor_id (str):
        accuracy (float | None | Unset):
        ci_high (float | None | Unset):
        ci_low (float | None | Unset): Wilson 95 % interval of the accuracy (answers treated as independent).
    """

    answers: int
    correct: int
    cost: list[CostPerCorrect]
    experts: int
    name: str
    vendor_id: str
    accuracy: float | None | Unset = UNSET
    ci_high: float | None | Unset = UNSET
    ci_low: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers

        correct = self.correct

        cost = []
        for cost_item_data in self.cost:
            cost_item = cost_item_data.to_dict()
            cost.append(cost_item)

        experts = self.experts

        name = self.name

        vendor_id = self.vendor_id

        accuracy: float | None | Unset
        if isinstance(self.accuracy, Unset):
            accuracy = UNSET
        else:
            accuracy = self.accuracy

        ci_high: float | None | Unset
        if isinstance(self.ci_high, Unset):
            ci_high = UNSET
        else:
            ci_high = self.ci_high

        ci_low: float | None | Unset
        if isinstance(self.ci_low, Unset):
            ci_low = UNSET
        else:
            ci_low = self.ci_low

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "correct": correct,
                "cost": cost,
                "experts": experts,
                "name": name,
                "vendor_id": vendor_id,
            }
        )
        if accuracy is not UNSET:
            field_dict["accuracy"] = accuracy
        if ci_high is not UNSET:
            field_dict["ci_high"] = ci_high
        if ci_low is not UNSET:
            field_dict["ci_low"] = ci_low

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_per_correct import CostPerCorrect  # noqa: PLC0415

        d = dict(src_dict)
        answers = d.pop("answers")

        correct = d.pop("correct")

        cost = []
        _cost = d.pop("cost")
        for cost_item_data in _cost:
            cost_item = CostPerCorrect.from_dict(cost_item_data)

            cost.append(cost_item)

        experts = d.pop("experts")

        name = d.pop("name")

        vendor_id = d.pop("vendor_id")

        def _parse_accuracy(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        accuracy = _parse_accuracy(d.pop("accuracy", UNSET))

        def _parse_ci_high(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ci_high = _parse_ci_high(d.pop("ci_high", UNSET))

        def _parse_ci_low(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ci_low = _parse_ci_low(d.pop("ci_low", UNSET))

        vendor_result = cls(
            answers=answers,
            correct=correct,
            cost=cost,
            experts=experts,
            name=name,
            vendor_id=vendor_id,
            accuracy=accuracy,
            ci_high=ci_high,
            ci_low=ci_low,
        )

        vendor_result.additional_properties = d
        return vendor_result

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
