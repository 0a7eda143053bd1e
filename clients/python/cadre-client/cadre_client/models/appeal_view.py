from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appeal_kind import AppealKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppealView")


@_attrs_define
class AppealView:
    """
    Attributes:
        created_at (datetime.datetime):
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        explanation (str):
        id (str): Opaque, time-sortable identifier: an appeal id.
        kind (AppealKind):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        status (str): `open`, `upheld` (the sanction or gold answer stands) or `overturned`.
        subject_id (str): The suspension (a standing event id, `sse_…`) or the graded assignment (`asg_…`).
        decided_at (datetime.datetime | None | Unset):
        decision_reason (None | str | Unset):
    """

    created_at: datetime.datetime
    expert_id: str
    explanation: str
    id: str
    kind: AppealKind
    slice_id: str
    status: str
    subject_id: str
    decided_at: datetime.datetime | None | Unset = UNSET
    decision_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        expert_id = self.expert_id

        explanation = self.explanation

        id = self.id

        kind = self.kind.value

        slice_id = self.slice_id

        status = self.status

        subject_id = self.subject_id

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason: None | str | Unset
        if isinstance(self.decision_reason, Unset):
            decision_reason = UNSET
        else:
            decision_reason = self.decision_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "expert_id": expert_id,
                "explanation": explanation,
                "id": id,
                "kind": kind,
                "slice_id": slice_id,
                "status": status,
                "subject_id": subject_id,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expert_id = d.pop("expert_id")

        explanation = d.pop("explanation")

        id = d.pop("id")

        kind = AppealKind(d.pop("kind"))

        slice_id = d.pop("slice_id")

        status = d.pop("status")

        subject_id = d.pop("subject_id")

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason", UNSET))

        appeal_view = cls(
            created_at=created_at,
            expert_id=expert_id,
            explanation=explanation,
            id=id,
            kind=kind,
            slice_id=slice_id,
            status=status,
            subject_id=subject_id,
            decided_at=decided_at,
            decision_reason=decision_reason,
        )

        appeal_view.additional_properties = d
        return appeal_view

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
