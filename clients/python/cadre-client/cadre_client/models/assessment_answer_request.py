from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.assessment_answer_request_label import AssessmentAnswerRequestLabel


T = TypeVar("T", bound="AssessmentAnswerRequest")


@_attrs_define
class AssessmentAnswerRequest:
    """
    Attributes:
        label (AssessmentAnswerRequestLabel): A label in the slice's label schema (see `POST
            /v1/slices/{slice}/validate-label`).
    """

    label: AssessmentAnswerRequestLabel

    def to_dict(self) -> dict[str, Any]:
        label = self.label.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_answer_request_label import AssessmentAnswerRequestLabel  # noqa: PLC0415

        d = dict(src_dict)
        label = AssessmentAnswerRequestLabel.from_dict(d.pop("label"))

        assessment_answer_request = cls(
            label=label,
        )

        return assessment_answer_request
