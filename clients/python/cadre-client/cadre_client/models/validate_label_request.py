from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.validate_label_request_label import ValidateLabelRequestLabel


T = TypeVar("T", bound="ValidateLabelRequest")


@_attrs_define
class ValidateLabelRequest:
    """
    Attributes:
        label (ValidateLabelRequestLabel): A label as an expert would submit it, e.g. `{"preference": "a", "strength":
            2, "rationale": "…"}`.
    """

    label: ValidateLabelRequestLabel

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
        from ..models.validate_label_request_label import ValidateLabelRequestLabel  # noqa: PLC0415

        d = dict(src_dict)
        label = ValidateLabelRequestLabel.from_dict(d.pop("label"))

        validate_label_request = cls(
            label=label,
        )

        return validate_label_request
