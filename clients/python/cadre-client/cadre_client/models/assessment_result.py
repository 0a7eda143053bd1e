from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.missed_clause import MissedClause


T = TypeVar("T", bound="AssessmentResult")


@_attrs_define
class AssessmentResult:
    """
    Attributes:
        correct (int):
        missed_clauses (list[MissedClause]): Clauses behind the items answered wrongly, with how many items each; the
            items
            themselves and their gold answers are not shown.
        pass_threshold (float):
        passed (bool):
        score (float): `correct / total`.
        total (int):
        retake_from (datetime.datetime | None | Unset): When a retake is allowed (failed or timed-out attempts).
    """

    correct: int
    missed_clauses: list[MissedClause]
    pass_threshold: float
    passed: bool
    score: float
    total: int
    retake_from: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        correct = self.correct

        missed_clauses = []
        for missed_clauses_item_data in self.missed_clauses:
            missed_clauses_item = missed_clauses_item_data.to_dict()
            missed_clauses.append(missed_clauses_item)

        pass_threshold = self.pass_threshold

        passed = self.passed

        score = self.score

        total = self.total

        retake_from: None | str | Unset
        if isinstance(self.retake_from, Unset):
            retake_from = UNSET
        elif isinstance(self.retake_from, datetime.datetime):
            retake_from = self.retake_from.isoformat()
        else:
            retake_from = self.retake_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "correct": correct,
                "missed_clauses": missed_clauses,
                "pass_threshold": pass_threshold,
                "passed": passed,
                "score": score,
                "total": total,
            }
        )
        if retake_from is not UNSET:
            field_dict["retake_from"] = retake_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.missed_clause import MissedClause  # noqa: PLC0415

        d = dict(src_dict)
        correct = d.pop("correct")

        missed_clauses = []
        _missed_clauses = d.pop("missed_clauses")
        for missed_clauses_item_data in _missed_clauses:
            missed_clauses_item = MissedClause.from_dict(missed_clauses_item_data)

            missed_clauses.append(missed_clauses_item)

        pass_threshold = d.pop("pass_threshold")

        passed = d.pop("passed")

        score = d.pop("score")

        total = d.pop("total")

        def _parse_retake_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retake_from_type_0 = datetime.datetime.fromisoformat(data)

                return retake_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        retake_from = _parse_retake_from(d.pop("retake_from", UNSET))

        assessment_result = cls(
            correct=correct,
            missed_clauses=missed_clauses,
            pass_threshold=pass_threshold,
            passed=passed,
            score=score,
            total=total,
            retake_from=retake_from,
        )

        assessment_result.additional_properties = d
        return assessment_result

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
