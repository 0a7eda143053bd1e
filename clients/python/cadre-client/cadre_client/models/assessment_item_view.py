from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_item_view_answer_type_0 import AssessmentItemViewAnswerType0
    from ..models.assessment_item_view_payload import AssessmentItemViewPayload


T = TypeVar("T", bound="AssessmentItemView")


@_attrs_define
class AssessmentItemView:
    """An item to answer. Its gold answer is never part of any view.

    Attributes:
        assignment_id (str): Opaque, time-sortable identifier: an assignment id.
        payload (AssessmentItemViewPayload): The item as the expert sees it (e.g. prompt and responses A/B).
        position (int):
        answer (AssessmentItemViewAnswerType0 | None | Unset): The expert's saved answer, if any (changeable until
            submission).
    """

    assignment_id: str
    payload: AssessmentItemViewPayload
    position: int
    answer: AssessmentItemViewAnswerType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assessment_item_view_answer_type_0 import AssessmentItemViewAnswerType0  # noqa: PLC0415

        assignment_id = self.assignment_id

        payload = self.payload.to_dict()

        position = self.position

        answer: dict[str, Any] | None | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        elif isinstance(self.answer, AssessmentItemViewAnswerType0):
            answer = self.answer.to_dict()
        else:
            answer = self.answer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment_id": assignment_id,
                "payload": payload,
                "position": position,
            }
        )
        if answer is not UNSET:
            field_dict["answer"] = answer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_item_view_answer_type_0 import AssessmentItemViewAnswerType0  # noqa: PLC0415
        from ..models.assessment_item_view_payload import AssessmentItemViewPayload  # noqa: PLC0415

        d = dict(src_dict)
        assignment_id = d.pop("assignment_id")

        payload = AssessmentItemViewPayload.from_dict(d.pop("payload"))

        position = d.pop("position")

        def _parse_answer(data: object) -> AssessmentItemViewAnswerType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                answer_type_0 = AssessmentItemViewAnswerType0.from_dict(data)

                return answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssessmentItemViewAnswerType0 | None | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))

        assessment_item_view = cls(
            assignment_id=assignment_id,
            payload=payload,
            position=position,
            answer=answer,
        )

        assessment_item_view.additional_properties = d
        return assessment_item_view

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
