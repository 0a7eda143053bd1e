from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.calibration_answer_request_label import CalibrationAnswerRequestLabel


T = TypeVar("T", bound="CalibrationAnswerRequest")


@_attrs_define
class CalibrationAnswerRequest:
    """
    Attributes:
        label (CalibrationAnswerRequestLabel): A label valid for the slice's schema.
    """

    label: CalibrationAnswerRequestLabel

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
        from ..models.calibration_answer_request_label import CalibrationAnswerRequestLabel  # noqa: PLC0415

        d = dict(src_dict)
        label = CalibrationAnswerRequestLabel.from_dict(d.pop("label"))

        calibration_answer_request = cls(
            label=label,
        )

        return calibration_answer_request
