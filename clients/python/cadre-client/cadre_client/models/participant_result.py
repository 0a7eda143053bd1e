from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParticipantResult")


@_attrs_define
class ParticipantResult:
    """
    Attributes:
        answered (int):
        correct (int):
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        handle (str):
        status (str): `invited`, `completed` or `incomplete`.
        total (int):
        accuracy (float | None | Unset): Agreement with the reference answers over the items answered; null before any.
        passed (bool | None | Unset):
    """

    answered: int
    correct: int
    expert_id: str
    handle: str
    status: str
    total: int
    accuracy: float | None | Unset = UNSET
    passed: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answered = self.answered

        correct = self.correct

        expert_id = self.expert_id

        handle = self.handle

        status = self.status

        total = self.total

        accuracy: float | None | Unset
        if isinstance(self.accuracy, Unset):
            accuracy = UNSET
        else:
            accuracy = self.accuracy

        passed: bool | None | Unset
        if isinstance(self.passed, Unset):
            passed = UNSET
        else:
            passed = self.passed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered": answered,
                "correct": correct,
                "expert_id": expert_id,
                "handle": handle,
                "status": status,
                "total": total,
            }
        )
        if accuracy is not UNSET:
            field_dict["accuracy"] = accuracy
        if passed is not UNSET:
            field_dict["passed"] = passed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answered = d.pop("answered")

        correct = d.pop("correct")

        expert_id = d.pop("expert_id")

        handle = d.pop("handle")

        status = d.pop("status")

        total = d.pop("total")

        def _parse_accuracy(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        accuracy = _parse_accuracy(d.pop("accuracy", UNSET))

        def _parse_passed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        passed = _parse_passed(d.pop("passed", UNSET))

        participant_result = cls(
            answered=answered,
            correct=correct,
            expert_id=expert_id,
            handle=handle,
            status=status,
            total=total,
            accuracy=accuracy,
            passed=passed,
        )

        participant_result.additional_properties = d
        return participant_result

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
